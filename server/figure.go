package server

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/emovox/emovox/plot"
)

// handlePlot serves POST /v1/plot?kind=wave|spectrogram: the figure of the
// upload as plot draws it (10×4 in at 100 dpi), titled with its file name
// when it has one and with the query parameter label, if given.
func (s *Server) handlePlot(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	kind := q.Get("kind")
	if kind != "wave" && kind != "spectrogram" {
		s.writeError(w, r, newAPIError(http.StatusBadRequest, codeBadRequest,
			"kind=%q: want wave or spectrogram", printable(kind)))
		return
	}
	c, name, release, err := s.receiveClip(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer release()
	title := name
	if name == bodyName {
		title = ""
	}
	label := printable(q.Get("label"))
	var png bytes.Buffer
	if kind == "wave" {
		err = plot.Wave(&png, c.samples, c.rate, plot.WaveOptions{Title: title, Label: label})
	} else {
		err = plot.Spectrogram(&png, c.samples, c.rate, plot.SpectrogramOptions{Title: title, Label: label})
	}
	if errors.Is(err, plot.ErrNoData) || errors.Is(err, plot.ErrInvalidInput) {
		err = newAPIError(http.StatusBadRequest, codeBadAudio, "%s: %v", name, err)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeBody(w, http.StatusOK, "image/png", png.Bytes())
}
