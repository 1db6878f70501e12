package stream

// Message types: the "type" field of every text message.
const (
	TypePrediction = "prediction" // server to client: see Prediction
	TypeError      = "error"      // server to client: see Error
	TypeStop       = "stop"       // client to server: end the stream
)

// Prediction is the text message the server sends for every window.
type Prediction struct {
	Type string `json:"type"` // TypePrediction
	// Time is the stream time of the end of the window, in seconds of
	// received audio.
	Time float64 `json:"t_s"`
	// Window is the length of the window in seconds: Options.Window, or
	// less at the start of the stream.
	Window float64 `json:"window_s"`
	// Emotion is the most probable emotion, or "" for silence.
	Emotion string `json:"emotion"`
	// Probabilities holds every emotion of the model with its
	// probability; it is omitted for silence.
	Probabilities map[string]float64 `json:"probabilities,omitempty"`
	// RMS is the root-mean-square level of the window (full scale 1).
	RMS float64 `json:"rms"`
	// Silence reports a window quieter than Options.SilenceRMS.
	Silence bool `json:"silence"`
	// Final marks the prediction sent for the end of the stream after a
	// stop message.
	Final bool `json:"final,omitempty"`
}

// Error is the text message the server sends before it closes a stream
// because of a problem.
type Error struct {
	Type    string `json:"type"` // TypeError
	Message string `json:"message"`
}

// control is a text message from the client.
type control struct {
	Type string `json:"type"`
}
