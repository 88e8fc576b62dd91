/** Options page entry: styles, then the options app. */
import base from '../ui/extension-page.css';
import { followScheme } from '../ui/theme/scheme';
import tokens from '../ui/theme/tokens.css';
import { render } from 'preact';
import { installBrowserMessages } from '../shared/i18n-browser';
import styles from './options.css';
import { OptionsApp } from './OptionsApp';

installBrowserMessages();
const style = document.createElement('style');
style.textContent = `${tokens}\n${base}\n${styles}`;
followScheme(document.documentElement);
document.head.append(style);
render(<OptionsApp />, document.getElementById('app')!);
