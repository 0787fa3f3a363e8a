import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, initialTheme } from './lib/theme.ts';
import './app.css';

// Before the first paint: no flash of the other theme.
applyTheme(initialTheme());

const target = document.getElementById('app');
if (!target) throw new Error('LTC Lens: #app element missing from index.html');

export default mount(App, { target });
