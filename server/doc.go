// Package server is the HTTP API of emovox: it predicts the emotion of
// uploaded recordings, draws their figures, streams live predictions over a
// WebSocket and serves the web page, with one recognizer.Recognizer shared by
// every request.
//
//	rec, err := recognizer.Default()
//	srv, err := server.New(rec, server.Config{})
//	err = srv.ListenAndServe(ctx) // until ctx is cancelled
//
// # Endpoints
//
//	POST /v1/predict[?segments=1]      emotion of a WAV or FLAC recording (JSON)
//	POST /v1/plot?kind=wave|spectrogram  its wave plot or spectrogram (PNG)
//	GET  /v1/model                     the model's name, labels, rate and architecture
//	GET  /v1/stream                    live predictions over a WebSocket (package stream)
//	GET  /healthz                      {"status":"ok"}
//	GET  /metrics                      Prometheus metrics
//	GET  /                             the web page and its assets (package web)
//
// An upload is the request body with Content-Type audio/wav, audio/x-wav,
// audio/wave, audio/flac, audio/x-flac or application/octet-stream (or none),
// or the field "file" of a multipart/form-data body. Whatever the declared
// type, the format is read from the data ("RIFF"…"WAVE" or "fLaC"); a body
// declared as application/octet-stream that is neither is refused with 415.
// Audio is decoded by package audio and mixed to mono; a prediction is exactly
// what Recognizer.PredictSamples returns for those samples at the file's rate:
//
//	{"emotion":"angry","probabilities":{"angry":0.71,...},"duration_s":3.2,"rate":16000}
//
// with the probabilities in the model's label order. With segments=1 the
// response also classifies windows of Config.SegmentWindow every
// Config.SegmentHop, the last one ending at the end of the recording (a
// recording shorter than a window is one segment):
//
//	"segments":[{"start_s":0,"end_s":2,"emotion":"calm","probabilities":{...}},...]
//
// # Errors
//
// Every error is JSON, {"error":{"code":"bad_audio","message":"..."}}, with
// the status and code:
//
//	400 bad_request             malformed request: query, multipart body, unreadable body
//	400 bad_audio               empty, truncated, corrupt or non-finite audio (the message
//	                            names the problem and the upload: "request body" or its file name)
//	401 unauthorized            missing or wrong API key
//	404 not_found               no such endpoint
//	405 method_not_allowed      with an Allow header
//	408 timeout                 the body did not arrive within Config.ReadTimeout
//	413 too_large               body above Config.MaxBodyBytes, audio above Config.MaxDuration
//	415 unsupported_media_type  another content type, or an audio encoding package audio
//	                            does not decode (A-law, 12-bit PCM, ...)
//	503 overloaded              all Config.MaxConcurrent slots busy, with Retry-After
//	503 unavailable             a stream requested while the server shuts down
//	500 internal                never with details; they go to the log
//
// # API key
//
// When Config.APIKey is set, every endpoint but /healthz and the web page
// requires it, as "Authorization: Bearer KEY", "X-API-Key: KEY" or the query
// parameter key=KEY (for a browser's WebSocket, which cannot set headers).
// Keys are compared in constant time.
//
// # Limits
//
// A request to /v1/predict or /v1/plot holds one of Config.MaxConcurrent slots
// from the start of reading its body to its response; a request that finds
// none free waits at most Config.MaxWait, with at most MaxConcurrent requests
// waiting, and is otherwise answered 503 at once. Every prediction of a
// stream takes one of the same slots for its duration, waiting as long as
// it must (Config.Stream.Slot): a stream that waits reads no more audio, so
// streams sending faster than real time slow down instead of crowding
// uploads out. Decoding is bounded by
// Config.MaxDuration at the rate the file declares, and never holds more than
// MaxDuration of 48 kHz stereo samples, so a small FLAC file cannot expand to
// gigabytes. The HTTP timeouts of Config bound slow clients.
//
// # Shutdown
//
// Serve and ListenAndServe shut down gracefully when their context is
// cancelled: they stop accepting connections, let the requests in flight
// finish within Config.ShutdownTimeout, and close the open streams (the
// stream handler sees its request's context end).
//
// # Metrics
//
// GET /metrics exposes, from a registry of the Server's own:
//
//	emovox_http_requests_total{route,code}       requests answered
//	emovox_http_request_duration_seconds{route}  latency histogram
//	emovox_http_errors_total{kind}               error responses by code, panics as "panic"
//	emovox_http_requests_in_flight               requests being served
//	emovox_streams_active                        open streams
//
// with the Go runtime and process collectors.
package server
