import { render } from 'preact';
import '../ui/theme.css';
import '../ui/page.css';
import { OptionsApp } from '../ui/options-app.js';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
