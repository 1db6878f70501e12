package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
)

// ListenAndServe listens on Config.Addr and serves until ctx is cancelled,
// then shuts down as Serve does.
func (s *Server) ListenAndServe(ctx context.Context) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves the connections of ln until ctx is cancelled, then shuts
// down gracefully: it closes ln, lets the requests in flight finish and
// closes the open streams, all within Config.ShutdownTimeout, after which
// it closes the connections left. It closes ln in every case. It returns
// nil after a graceful shutdown, an error wrapping
// context.DeadlineExceeded if the timeout cut it short, or the error that
// stopped ln from accepting. A Server serves once: its streams stay closed
// after the shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.httpServer()
	s.log.LogAttrs(ctx, slog.LevelInfo, "serving", slog.String("addr", ln.Addr().String()))
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		// The listener failed: stop what is still running before returning.
		srv.Close()
		s.streamGroup.close()
		tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
		defer cancel()
		if werr := s.streamGroup.wait(tctx); werr != nil {
			s.log.LogAttrs(ctx, slog.LevelWarn, "streams still open after the listener failed", slog.Any("error", werr))
		}
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	err := s.shutdown(ctx, srv)
	<-served // http.ErrServerClosed, now that the shutdown has begun
	return err
}

// httpServer returns the http.Server of Serve.
func (s *Server) httpServer() *http.Server {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: timeout(s.cfg.ReadHeaderTimeout),
		ReadTimeout:       timeout(s.cfg.ReadTimeout),
		WriteTimeout:      timeout(s.cfg.WriteTimeout),
		IdleTimeout:       timeout(s.cfg.IdleTimeout),
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	srv.RegisterOnShutdown(s.streamGroup.close)
	return srv
}

// shutdown shuts srv down within Config.ShutdownTimeout.
func (s *Server) shutdown(ctx context.Context, srv *http.Server) error {
	s.log.LogAttrs(ctx, slog.LevelInfo, "shutting down", slog.Duration("timeout", s.cfg.ShutdownTimeout))
	if s.hooks.shutdownStarted != nil {
		srv.RegisterOnShutdown(s.hooks.shutdownStarted)
	}
	tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(tctx) // closes the listener, waits for the requests in flight
	if err == nil {
		err = s.streamGroup.wait(tctx)
	}
	if err != nil {
		srv.Close()
		err = fmt.Errorf("server: shutdown cut short after %v: %w", s.cfg.ShutdownTimeout, err)
		s.log.LogAttrs(ctx, slog.LevelWarn, "shutdown cut short", slog.Any("error", err))
		return err
	}
	s.log.LogAttrs(ctx, slog.LevelInfo, "stopped")
	return nil
}
