package server

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server/stream"
	"github.com/emovox/emovox/server/web"
)

// Server serves the emovox HTTP API with one recognizer. Its methods are
// safe for concurrent use.
type Server struct {
	rec         *recognizer.Recognizer
	cfg         Config // with defaults
	log         *slog.Logger
	model       modelInfo
	key         apiKey
	cors        cors
	slots       *limiter
	metrics     *metrics
	stream      http.Handler
	streamGroup *streamGroup
	handler     http.Handler
	hooks       hooks
}

// hooks let the package's tests observe a Server at points they could not
// otherwise synchronise with. They are nil outside tests.
type hooks struct {
	slotAcquired    func() // a request took a prediction slot
	shutdownStarted func() // Serve began its shutdown
}

// New returns a Server that predicts with rec under cfg, whose zero fields
// take their defaults. The error wraps ErrConfig for a nil rec or a
// negative limit.
func New(rec *recognizer.Recognizer, cfg Config) (*Server, error) {
	if rec == nil {
		return nil, fmt.Errorf("%w: nil recognizer", ErrConfig)
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Server{
		rec:         rec,
		cfg:         cfg,
		log:         cfg.Logger,
		key:         newAPIKey(cfg.APIKey),
		cors:        newCORS(cfg.CORSOrigins),
		slots:       newLimiter(cfg.MaxConcurrent, cfg.MaxWait),
		metrics:     newMetrics(),
		streamGroup: newStreamGroup(),
	}
	streamOpts := cfg.Stream
	if streamOpts.Slot == nil {
		// Stream predictions share the upload's slots; a stream waits
		// for one (reading no more audio meanwhile) instead of failing.
		streamOpts.Slot = s.slots.acquireWait
	}
	s.stream = stream.New(rec, streamOpts)
	s.model = s.newModelInfo()
	s.handler = s.routes()
	return s, nil
}

// Handler returns the handler of every endpoint, for use with an
// http.Server or httptest of the caller's. Unlike Serve, it does not close
// open streams at shutdown by itself.
func (s *Server) Handler() http.Handler { return s.handler }

// routes returns the request router.
func (s *Server) routes() http.Handler {
	get := []string{http.MethodGet}
	post := []string{http.MethodPost}
	all := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
	endpoints := map[string]endpoint{
		"/v1/predict": {routePredict, post, true, http.HandlerFunc(s.handlePredict)},
		"/v1/plot":    {routePlot, post, true, http.HandlerFunc(s.handlePlot)},
		"/v1/model":   {routeModel, get, true, http.HandlerFunc(s.handleModel)},
		"/v1/stream":  {routeStream, get, true, http.HandlerFunc(s.serveStream)},
		"/v1/":        {routeAPI, all, true, http.HandlerFunc(s.handleNotFound)},
		"/healthz":    {routeHealth, get, false, http.HandlerFunc(s.handleHealth)},
		"/metrics":    {routeMetrics, get, true, s.metrics.handler()},
		"/":           {routeWeb, get, false, web.Handler()},
	}
	mux := http.NewServeMux()
	for pattern, e := range endpoints {
		mux.Handle(pattern, s.serve(e))
	}
	return mux
}
