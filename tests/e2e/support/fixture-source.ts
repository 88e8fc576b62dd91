/** Where the harness gets fixture responses: tests/fixtures/serve.ts (temporary stub until it lands). */
export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

const STUB_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>stub</title></head><body>
<div class="comments" id="comments"><h4>1 comment:</h4><div class="comments-content"><div id="comment-holder">
<div class="comment-thread toplevel-thread"><ol id="top-ra"><li class="comment" id="c1234567890123456789">
<div class="comment-block"><div class="comment-header"><cite class="user">Anonymous</cite><span class="icon user"></span>
<span class="datetime secondary-text"><a href="https://probationmatters.blogspot.com/2024/02/stub.html?showComment=1708376820000#c1234567890123456789" rel="nofollow">19 February 2024 at 21:07</a></span></div>
<p class="comment-content">Stub comment.</p></div></li></ol></div></div></div></div></body></html>`;

/** Temporary stand-in for tests/fixtures/serve.ts: one tiny page for every blog URL. */
export function fixtureResponse(url: string): FixtureResponse | null {
  return url.startsWith('https://probationmatters.blogspot.com/')
    ? { status: 200, contentType: 'text/html; charset=utf-8', body: STUB_PAGE }
    : null;
}
