package server

import (
	"net/http"
)

// modelInfo is the response of /v1/model.
type modelInfo struct {
	Name         string   `json:"name"`
	Architecture string   `json:"architecture"`
	Labels       []string `json:"labels"`
	Rate         int      `json:"rate"`
	FeatureSet   string   `json:"feature_set"`
	Frames       int      `json:"frames"`
	LabelSet     string   `json:"label_set"`
}

// newModelInfo describes the recognizer's model.
func (s *Server) newModelInfo() modelInfo {
	m := s.rec.Metadata()
	name := s.cfg.ModelName
	if name == "" {
		name = m.Architecture
		if m.LabelSet != "" {
			name += "-" + m.LabelSet
		}
	}
	return modelInfo{
		Name: name, Architecture: m.Architecture, Labels: s.rec.Labels(), Rate: m.Rate,
		FeatureSet: m.FeatureSet, Frames: m.Frames, LabelSet: m.LabelSet,
	}
}

// handleModel serves GET /v1/model.
func (s *Server) handleModel(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, http.StatusOK, s.model)
}

// handleHealth serves GET /healthz.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
}

// handleNotFound answers paths under /v1/ that name no endpoint.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, newAPIError(http.StatusNotFound, codeNotFound, "no endpoint %s", printable(r.URL.Path)))
}
