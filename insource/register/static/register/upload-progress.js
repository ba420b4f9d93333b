// The import's progress, polled every 2 seconds (the page refreshes itself without JavaScript).
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
      bar.value = progress.percent;
      bar.textContent = `${progress.percent}%`;
      if (progress.status === "running") {
        text.textContent = `${progress.percent}% (${progress.done} / ${progress.total})`;
      }
    } catch (error) {
      // keep the last figures; the "Refresh the progress" link still works
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 2000);
}
