import { tick } from 'svelte';

/** Once the page has drawn it, scrolls the cases panel (#process-cases) into view if it opened below the fold. */
export async function revealCasesPanel(): Promise<void> {
  await tick();
  const panel = document.getElementById('process-cases');
  if (panel && panel.getBoundingClientRect().top > window.innerHeight - 120) {
    panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}
