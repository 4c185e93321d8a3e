// Polls an upload's state while the worker reads or imports it, and reloads the page once
// the worker is done, so the preview or the outcome appears without the PMO refreshing.
const box = document.getElementById("upload-progress");
if (box) {
  const url = new URL(box.dataset.pollUrl, window.location.href);
  url.searchParams.set("format", "json");
  const state = box.querySelector("[data-progress-state]");
  const rows = box.querySelector("[data-progress-rows]");
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const upload = await response.json();
        if (!upload.working) {
          window.location.reload();
          return;
        }
        state.textContent = upload.state_label;
        if (upload.rows_total) {
          rows.textContent = `${upload.rows_read} of ${upload.rows_total} rows read`;
        }
      }
    } catch (error) {
      // A dropped request is tried again on the next tick.
    }
    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1000);
}
