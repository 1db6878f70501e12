package stream

import (
	"context"
	"log/slog"
	"time"
)

// Defaults of Options, used for fields left at their zero value.
const (
	DefaultWindow          = 2 * time.Second
	DefaultHop             = 500 * time.Millisecond
	DefaultMaxDuration     = time.Hour
	DefaultMaxMessageBytes = 64 << 10
	DefaultIdleTimeout     = 30 * time.Second
	DefaultMaxStreams      = 16
	DefaultRate            = 16000 // the client's rate when the request names none
	MinRate                = 8000
	MaxRate                = 192000
)

// minAudio is how much audio a stream must hold before its first
// prediction (or the whole window, if that is shorter).
const minAudio = time.Second

// Options configure a stream handler. The zero value of every field (or a
// negative one) means its default.
type Options struct {
	// Window is the length of audio each prediction looks at, ending at the
	// prediction's stream time. Default 2 s.
	Window time.Duration
	// Hop is the stream time between predictions. Default 0.5 s.
	Hop time.Duration
	// MaxDuration is the longest stream accepted, in received audio time.
	// Default 1 h.
	MaxDuration time.Duration
	// MaxMessageBytes is the largest message accepted. Default 64 KiB.
	MaxMessageBytes int
	// IdleTimeout closes a stream that sends nothing for this long, and
	// bounds each write to a client that does not read. Default 30 s.
	IdleTimeout time.Duration
	// MaxStreams is the number of streams served at once; further requests
	// are answered 503 before the upgrade. Default 16.
	MaxStreams int
	// OriginPatterns are the host patterns (path.Match syntax, such as
	// "*.example.com") of the pages from which browsers may open a stream,
	// in addition to the server's own host. Empty means the same origin
	// only. Requests without an Origin header (non-browser clients) are
	// always accepted.
	OriginPatterns []string
	// SilenceRMS is the root-mean-square level below which a window is
	// reported as silence and not classified. Zero means no silence
	// detection.
	SilenceRMS float32
	// Logger, if not nil, receives a line for every stream that ends, with
	// its duration and the reason.
	Logger *slog.Logger
	// Slot, if not nil, is called before every prediction and returns the
	// function that ends it. It may block: the stream then reads no more
	// audio until it returns, so a client sending faster than real time is
	// slowed down rather than served ahead of others. emovox serve passes
	// its prediction slots, which uploads share. An error ends the stream.
	Slot func(ctx context.Context) (release func(), err error)
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	setDefault(&o.Window, DefaultWindow)
	setDefault(&o.Hop, DefaultHop)
	setDefault(&o.MaxDuration, DefaultMaxDuration)
	setDefault(&o.MaxMessageBytes, DefaultMaxMessageBytes)
	setDefault(&o.IdleTimeout, DefaultIdleTimeout)
	setDefault(&o.MaxStreams, DefaultMaxStreams)
	return o
}

// setDefault sets *v to def when *v is not positive.
func setDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}
