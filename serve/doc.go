// Package serve is bitext's review in the browser: a small web server over
// one output folder that shows each article side by side, French and
// English, segment by segment, and lets editors approve, edit, revert and
// re-translate, with the same rules as the terminal review: every decision
// goes through [review.Article], so it lands in the translation memory and
// the working copy before the answer is sent, a rerun of translate keeps
// it, and diff and review --stats see it.
//
// # Pages and API
//
// The pages are rendered on the server, complete (a browser without
// script, or chromium --headless --dump-dom, sees every segment); the
// script in assets/app.js adds keys, in-place editing and live updates by
// polling the JSON API (no connection is held open). A segment is shown
// from its inline model ([inline.ParseSegment]): emphasis as emphasis, a
// link as its text, never a tag as written; an image's alt text and a
// title are segments of their own, and each segment lists the problems
// the terminal review lists ([Options.Check]). The API, under
// /api/, is the one the page uses and scripts can use:
//
//	GET  /api/articles                      the articles with their counts
//	GET  /api/articles/{path}               an article's units
//	POST /api/articles/{path}/units/{id}    a decision on one unit
//	GET  /api/articles/{path}/units/{id}/history
//
// {path} is the working copy's path relative to the output folder
// (slashes may be escaped as %2F). See the README for the fields.
//
// # Security
//
// The server is meant for loopback ([Listen] refuses other addresses
// unless asked). Every page and API request needs the access token
// ([Server.Token]): "Authorization: Bearer TOKEN", or the cookie the page
// sets when it is opened with ?token=TOKEN. A Host header other than the
// served address is refused (DNS rebinding); a POST needs the token, a JSON
// body and no foreign Origin (CSRF); bodies are capped; every response
// carries a Content-Security-Policy that allows no inline script; all text
// is escaped. Articles are found through [outdir]: a path is served only
// when it names a working copy of this output folder whose real location
// (symbolic links resolved) is inside it; nothing else on disk is read.
//
// # Concurrency
//
// Decisions are serialised: each takes the server's lock and the output
// folder's lock ([outdir.Lock], which a translate run holds while it
// writes), opens the article afresh from disk and memory, applies the
// decision and saves. A decision that carries the text its editor started
// from ("base") is refused with 409 Conflict, showing the current unit,
// when someone else changed the text meanwhile.
package serve
