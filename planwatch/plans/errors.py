class PlanNotFound(Exception):
    """The plan a user asked for does not exist, or it is not clear which one they meant."""
