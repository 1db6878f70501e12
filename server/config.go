package server

import (
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"slices"
	"time"

	"github.com/emovox/emovox/server/stream"
)

// Defaults of Config, used for fields left at their zero value.
const (
	DefaultAddr              = "127.0.0.1:8080"
	DefaultMaxBodyBytes      = 32 << 20
	DefaultMaxDuration       = 10 * time.Minute
	DefaultMaxWait           = time.Second
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 2 * time.Minute
	DefaultWriteTimeout      = 5 * time.Minute
	DefaultIdleTimeout       = 2 * time.Minute
	DefaultShutdownTimeout   = 30 * time.Second
	DefaultSegmentWindow     = 2 * time.Second
	DefaultSegmentHop        = time.Second
)

// maxHeaderBytes bounds the request line and headers; larger requests are
// answered 431 by net/http.
const maxHeaderBytes = 64 << 10

// Config configures a Server. The zero value of every field means its
// default, given in the field's comment.
type Config struct {
	// Addr is the TCP address ListenAndServe listens on.
	// Default DefaultAddr, 127.0.0.1:8080.
	Addr string
	// APIKey, when not empty, is required by every endpoint but /healthz
	// and the web page (see the package documentation).
	APIKey string
	// ModelName is the name GET /v1/model reports. Default: the model's
	// architecture and label set, such as "cnnlstm-seed8".
	ModelName string

	// MaxBodyBytes is the largest request body accepted; larger ones are
	// answered 413. Default 32 MiB.
	MaxBodyBytes int64
	// MaxDuration is the longest recording accepted; longer ones are
	// answered 413. Default 10 min.
	MaxDuration time.Duration
	// MaxConcurrent is the number of predictions and plots served at
	// once. Default runtime.GOMAXPROCS(0)*2.
	MaxConcurrent int
	// MaxWait is how long a request waits for a free slot before it is
	// answered 503. Default 1 s; negative: it does not wait.
	MaxWait time.Duration

	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout are
	// those of http.Server: reading the request headers (default 10 s),
	// the whole request (default 2 min), the time from the end of the
	// headers to the end of the response (default 5 min), and a keep-alive
	// connection's wait for its next request (default 2 min). A negative
	// value means no timeout. Streams are not bound by them once upgraded.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	// ShutdownTimeout bounds the graceful shutdown of Serve: the time the
	// requests in flight and the streams have to end. Default 30 s.
	ShutdownTimeout time.Duration

	// CORSOrigins are the origins (such as "https://app.example.com") whose
	// pages may call the API from a browser; "*" allows any. Empty: no
	// CORS headers are sent. Unless Stream.OriginPatterns is set, the same
	// origins may open streams.
	CORSOrigins []string

	// SegmentWindow and SegmentHop are the length of the windows
	// /v1/predict?segments=1 classifies and the time between their
	// starts. Defaults 2 s and 1 s.
	SegmentWindow time.Duration
	SegmentHop    time.Duration

	// Logger receives a line for every request, and the details of
	// internal errors. Default slog.Default().
	Logger *slog.Logger

	// Stream configures the WebSocket endpoint GET /v1/stream, as package
	// stream documents. Its Logger defaults to Logger.
	Stream stream.Options
}

// withDefaults returns c with every zero field set to its default, or an
// error wrapping ErrConfig for a value outside its domain.
func (c Config) withDefaults() (Config, error) {
	if err := c.checkLimits(); err != nil {
		return c, err
	}
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	setDefault(&c.MaxBodyBytes, DefaultMaxBodyBytes)
	setDefault(&c.MaxDuration, DefaultMaxDuration)
	setDefault(&c.MaxConcurrent, runtime.GOMAXPROCS(0)*2)
	setDefault(&c.MaxWait, DefaultMaxWait)
	setDefault(&c.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	setDefault(&c.ReadTimeout, DefaultReadTimeout)
	setDefault(&c.WriteTimeout, DefaultWriteTimeout)
	setDefault(&c.IdleTimeout, DefaultIdleTimeout)
	setDefault(&c.ShutdownTimeout, DefaultShutdownTimeout)
	setDefault(&c.SegmentWindow, DefaultSegmentWindow)
	setDefault(&c.SegmentHop, DefaultSegmentHop)
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Stream.Logger == nil {
		c.Stream.Logger = c.Logger
	}
	c.CORSOrigins = slices.Clone(c.CORSOrigins)
	if len(c.Stream.OriginPatterns) == 0 {
		c.Stream.OriginPatterns = originHosts(c.CORSOrigins)
	}
	return c, nil
}

// originHosts returns the WebSocket origin patterns (hosts) of the CORS
// origins, so that a page allowed to call the API may also open a stream:
// "*" stays "*", "https://app.example:8443" becomes "app.example:8443".
func originHosts(origins []string) []string {
	var hosts []string
	for _, o := range origins {
		if o == "*" {
			hosts = append(hosts, "*")
			continue
		}
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	return hosts
}

// checkLimits returns an error wrapping ErrConfig if a limit that has no
// meaning when negative is negative.
func (c Config) checkLimits() error {
	limits := []struct {
		name     string
		value    any
		negative bool
	}{
		{"MaxBodyBytes", c.MaxBodyBytes, c.MaxBodyBytes < 0},
		{"MaxDuration", c.MaxDuration, c.MaxDuration < 0},
		{"MaxConcurrent", c.MaxConcurrent, c.MaxConcurrent < 0},
		{"ShutdownTimeout", c.ShutdownTimeout, c.ShutdownTimeout < 0},
		{"SegmentWindow", c.SegmentWindow, c.SegmentWindow < 0},
		{"SegmentHop", c.SegmentHop, c.SegmentHop < 0},
	}
	for _, l := range limits {
		if l.negative {
			return fmt.Errorf("%w: %s is negative (%v)", ErrConfig, l.name, l.value)
		}
	}
	return nil
}

// setDefault sets *v to def when it is zero.
func setDefault[T int | int64 | time.Duration](v *T, def T) {
	if *v == 0 {
		*v = def
	}
}

// timeout converts a Config timeout to http.Server's convention: negative
// means none, which http.Server spells 0.
func timeout(d time.Duration) time.Duration {
	return max(d, 0)
}
