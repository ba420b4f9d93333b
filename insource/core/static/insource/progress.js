// A background job's progress (ADR 0054), polled every 2 seconds from the URL in
// data-progress-url; the page reloads when the job has finished. Without JavaScript the page
// refreshes itself (a meta refresh in a noscript).
const box = document.getElementById("progress");
if (box) {
  const bar = document.getElementById("progress-bar");
  const text = document.getElementById("progress-text");
  const poll = async () => {
    try {
      const answer = await fetch(box.dataset.progressUrl, { credentials: "same-origin" });
      const progress = await answer.json();
      if (progress.finished) {
        window.location.reload();
        return;
      }
      if (progress.percent === null) {
        bar.removeAttribute("value");
        bar.textContent = "";
      } else {
        bar.value = progress.percent;
        bar.textContent = `${progress.percent}%`;
      }
      if (progress.text) {
        text.textContent = progress.text;
      }
    } catch (error) {
      // keep the last figures; the "Refresh the progress" link still works
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 2000);
}
