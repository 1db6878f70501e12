// Package stream serves live speech emotion recognition over a WebSocket:
// a client streams audio, the server answers with the emotion of the last
// few seconds, twice a second.
//
// # Protocol
//
// The client opens a WebSocket on the handler's path (emovox serves it at
// GET /v1/stream) with the sample rate of its audio as the query parameter
// rate, from MinRate to MaxRate Hz (DefaultRate, 16000, when absent):
//
//	ws://host/v1/stream?rate=48000
//
// It then sends binary messages of mono 16-bit little-endian PCM at that
// rate, of any length up to Options.MaxMessageBytes; a message may end in
// the middle of a sample, whose second byte then starts the next message.
// The server resamples the audio to the model's rate (package
// audio/resample, one plan per stream; the stream is resampled exactly as
// the whole recording would be) and keeps its last Options.Window. Every
// Options.Hop of received audio, once at least one second (or the window,
// if shorter) has arrived, it classifies the window ending there and sends
// a text message (Prediction):
//
//	{"type":"prediction","t_s":2.5,"window_s":2,"emotion":"angry",
//	 "probabilities":{"angry":0.71,...},"rms":0.052,"silence":false}
//
// t_s is the stream time of the end of the window: the number of samples
// received, at the model's rate, over that rate. Time is the audio's, not
// the clock's: a client may send faster than real time and receives every
// prediction in order. A window whose RMS level is below
// Options.SilenceRMS is not classified: it is reported with "silence":true
// and an empty emotion.
//
// To end the stream the client sends the text message {"type":"stop"}: the
// server sends the predictions still due and one for the window ending at
// the last sample (marked "final":true) if that sample is not already the
// end of a window, and closes the connection normally (status 1000).
//
// # Errors
//
// A request that is not a WebSocket upgrade is answered 426, a request
// beyond Options.MaxStreams 503, with the server's JSON error body
// {"error":{"code":...,"message":...}}. A browser page of a foreign origin
// (see Options.OriginPatterns) is refused with 403. Problems of an open
// stream are reported with a text message {"type":"error","message":...}
// followed by a close status:
//
//	1008 policy violation   invalid rate, stream longer than MaxDuration,
//	                        no message for IdleTimeout
//	1003 unsupported data   a text message other than a stop message
//	1009 message too big    a message larger than MaxMessageBytes
//	1011 internal error     the model failed
//	1001 going away         the request's context ended (server shutdown)
//
// The server never blocks on a client for longer than IdleTimeout: the
// work per message is bounded by MaxMessageBytes, and a client that does
// not read its predictions is disconnected after IdleTimeout.
package stream
