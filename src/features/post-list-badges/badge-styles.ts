/** The badge's styles, inside its own shadow root: inline, small, the theme's own font, its own colours (AA in light and dark). */
export const BADGE_STYLES = `
:host {
  all: initial;
  display: inline;
  font: inherit;
  font-size: 0.85em;
  line-height: inherit;
  white-space: nowrap;
  margin-inline-start: 0.4em;
}
a {
  display: inline;
  padding: 0.05em 0.45em;
  border-radius: 0.7em;
  background: #d1f0d8;
  color: #0f5323;
  font: inherit;
  font-weight: 600;
  text-decoration: none;
}
a:hover {
  text-decoration: underline;
}
a:focus-visible {
  outline: 2px solid #0f5323;
  outline-offset: 1px;
}
a.new-post {
  background: #e3ecfa;
  color: #183e7a;
}
a.new-post:focus-visible {
  outline-color: #183e7a;
}
@media (prefers-color-scheme: dark) {
  a {
    background: #1f4a2b;
    color: #c8f2d2;
  }
  a:focus-visible {
    outline-color: #c8f2d2;
  }
  a.new-post {
    background: #203a63;
    color: #d6e4fb;
  }
  a.new-post:focus-visible {
    outline-color: #d6e4fb;
  }
}
`;
