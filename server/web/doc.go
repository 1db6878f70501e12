// Package web serves emovox's web page: a single page, with its script,
// style sheet, AudioWorklet module and icon embedded in the binary
// (go:embed), that loads nothing from elsewhere and works offline.
//
// The page fetches GET /v1/model for the labels. "Start microphone"
// captures the microphone (getUserMedia, an AudioWorklet posting 20 ms
// chunks), converts it to 16-bit PCM and streams it over a WebSocket to
// /v1/stream?rate=<the AudioContext's rate> (package stream); it shows the
// live emotion big (#live-emotion, whose data-emotion attribute names it,
// with data-t the stream time), the probability of every emotion
// (#live-probs) and a timeline of the last 30 s (#timeline) coloured per
// emotion, with a legend. A chosen WAV or FLAC file is sent to
// POST /v1/predict?segments=1 and POST /v1/plot?kind=wave|spectrogram: the
// page shows its emotion (#file-emotion), probabilities, segment timeline
// and both figures. Errors, the server's included, appear in #error. An
// API key entered under Settings is kept in localStorage and sent as
// "Authorization: Bearer" (and as key= on the WebSocket, which cannot
// carry headers).
//
// Handler serves the page at / and /index.html and its assets at their
// names, for GET and HEAD, with ETags, a strict Content-Security-Policy
// (everything from the page's own origin) and 404 for any other path.
package web
