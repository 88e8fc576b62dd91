/** Options page entry: styles, then the options app. */
import base from '../ui/extension-page.css';
import { render } from 'preact';
import { installBrowserMessages } from '../shared/i18n-browser';
import styles from './options.css';
import { OptionsApp } from './OptionsApp';

installBrowserMessages();
const style = document.createElement('style');
style.textContent = `${base}\n${styles}`;
document.head.append(style);
render(<OptionsApp />, document.getElementById('app')!);
