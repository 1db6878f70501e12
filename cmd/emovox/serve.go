package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/emovox/emovox/server"
)

// apiKeyEnv is the environment variable serve reads the API key from when
// --api-key is not given.
const apiKeyEnv = "EMOVOX_API_KEY"

// serveFlags holds the flags of the serve command.
type serveFlags struct {
	model    string
	logLevel string
	cfg      server.Config
}

func newServeCommand() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--model MODEL.safetensors] [--api-key KEY] [flags]",
		Short: "Serve emotion recognition over HTTP",
		Long: `Serve the emovox HTTP API with the model embedded in emovox or, with
--model, a model file written by emovox train:

  POST /v1/predict[?segments=1]         emotion of a WAV or FLAC upload (JSON)
  POST /v1/plot?kind=wave|spectrogram   its wave plot or spectrogram (PNG)
  GET  /v1/model                        the model's name, labels and rate
  GET  /v1/stream                       live predictions over a WebSocket
  GET  /healthz, /metrics, /            health, Prometheus metrics, web page

An upload is the request body (Content-Type audio/wav, audio/flac or
application/octet-stream) or the "file" field of a multipart form. With an
API key (--api-key, or the environment variable EMOVOX_API_KEY, which
keeps it out of the process list) every endpoint but /healthz and the web
page requires "Authorization: Bearer KEY", "X-API-Key: KEY" or ?key=KEY.

The server logs one line per request to standard error. Interrupt it
(Ctrl-C) to shut it down gracefully: requests in flight finish, streams
are closed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), f, cmd.ErrOrStderr())
		},
	}
	c := &f.cfg
	fl := cmd.Flags()
	fl.StringVar(&c.Addr, "addr", server.DefaultAddr, "address to listen on (HOST:PORT; port 0 picks a free one)")
	fl.StringVar(&f.model, "model", "", "model file (default: the model embedded in emovox)")
	fl.StringVar(&c.APIKey, "api-key", "", "API key required by the API (default: $"+apiKeyEnv+"; none if empty)")
	fl.StringSliceVar(&c.CORSOrigins, "cors-origin", nil, "origin allowed to call the API from a browser (repeat or comma-separate; * for any)")
	fl.Int64Var(&c.MaxBodyBytes, "max-body-bytes", server.DefaultMaxBodyBytes, "largest request body accepted")
	fl.DurationVar(&c.MaxDuration, "max-duration", server.DefaultMaxDuration, "longest recording accepted")
	fl.IntVar(&c.MaxConcurrent, "max-concurrent", 0, "predictions served at once; more wait --max-wait, then get 503 (default 2 per CPU)")
	fl.DurationVar(&c.MaxWait, "max-wait", server.DefaultMaxWait, "how long a request waits for a free slot (negative: no wait)")
	fl.DurationVar(&c.ReadHeaderTimeout, "read-header-timeout", server.DefaultReadHeaderTimeout, "time to read a request's headers")
	fl.DurationVar(&c.ReadTimeout, "read-timeout", server.DefaultReadTimeout, "time to read a whole request")
	fl.DurationVar(&c.WriteTimeout, "write-timeout", server.DefaultWriteTimeout, "time from a request's headers to the end of its response")
	fl.DurationVar(&c.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "time a keep-alive connection waits for its next request")
	fl.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "time requests in flight have to finish at shutdown")
	fl.DurationVar(&c.SegmentWindow, "segment-window", server.DefaultSegmentWindow, "window of /v1/predict?segments=1")
	fl.DurationVar(&c.SegmentHop, "segment-hop", server.DefaultSegmentHop, "time between the windows of /v1/predict?segments=1")
	fl.IntVar(&c.Stream.MaxStreams, "max-streams", 0, "streams served at once (default: package stream's)")
	fl.Float32Var(&c.Stream.SilenceRMS, "silence-rms", 0.003, "stream windows with an RMS below this are reported as silence, not an emotion; 0 turns it off")
	fl.StringVar(&f.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	return cmd
}

// runServe serves until ctx is cancelled, logging to stderr.
func runServe(ctx context.Context, f serveFlags, stderr io.Writer) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return fmt.Errorf("--log-level %q: want debug, info, warn or error", f.logLevel)
	}
	cfg := f.cfg
	if cfg.APIKey == "" {
		cfg.APIKey = os.Getenv(apiKeyEnv)
	}
	if f.model != "" {
		cfg.ModelName = strings.TrimSuffix(filepath.Base(f.model), filepath.Ext(f.model))
	}
	cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	rec, err := openRecognizer(f.model)
	if err != nil {
		return err
	}
	srv, err := server.New(rec, cfg)
	if err != nil {
		return err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", cfg.Addr)
	if err != nil {
		return err
	}
	key := "no API key"
	if cfg.APIKey != "" {
		key = "API key required"
	}
	fmt.Fprintf(stderr, "emovox: serving on http://%s/ (%s; Ctrl-C to stop)\n", ln.Addr(), key)
	return srv.Serve(ctx, ln)
}
