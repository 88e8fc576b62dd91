/** Toolbar popup entry: styles, then the popup app. */
import { render } from 'preact';
import { installBrowserMessages } from '../shared/i18n-browser';
import base from '../ui/extension-page.css';
import { followScheme } from '../ui/theme/scheme';
import tokens from '../ui/theme/tokens.css';
import styles from './popup.css';
import { PopupApp } from './PopupApp';

installBrowserMessages();
const style = document.createElement('style');
style.textContent = `${tokens}\n${base}\n${styles}`;
followScheme(document.documentElement);
document.head.append(style);
render(<PopupApp />, document.getElementById('app')!);
