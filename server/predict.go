package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/emovox/emovox/audio/resample"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/features"
	"github.com/emovox/emovox/recognizer"
)

// prediction is the response of /v1/predict.
type prediction struct {
	Emotion       string        `json:"emotion"`
	Probabilities probabilities `json:"probabilities"`
	Duration      float64       `json:"duration_s"`
	Rate          int           `json:"rate"`
	Segments      []segment     `json:"segments,omitempty"`
}

// segment is the prediction for one window of a recording.
type segment struct {
	Start         float64       `json:"start_s"`
	End           float64       `json:"end_s"`
	Emotion       string        `json:"emotion"`
	Probabilities probabilities `json:"probabilities"`
}

// handlePredict serves POST /v1/predict.
func (s *Server) handlePredict(w http.ResponseWriter, r *http.Request) {
	withSegments, err := boolParam(r, "segments")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	c, _, release, err := s.receiveClip(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer release()
	p, err := s.predict(c, withSegments)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, p)
}

// predict classifies a clip, and its segments if asked.
func (s *Server) predict(c clip, withSegments bool) (prediction, error) {
	res, err := s.classify(c.name, c.samples, c.rate)
	if err != nil {
		return prediction{}, err
	}
	p := prediction{Emotion: res.Emotion, Probabilities: res.Probabilities, Duration: c.seconds, Rate: c.rate}
	if !withSegments {
		return p, nil
	}
	samples, rate, err := s.atModelRate(c)
	if err != nil {
		return prediction{}, err
	}
	for _, sp := range segmentSpans(len(samples), rate, s.cfg.SegmentWindow, s.cfg.SegmentHop) {
		res, err := s.classify(c.name, samples[sp.start:sp.end], rate)
		if err != nil {
			return prediction{}, err
		}
		p.Segments = append(p.Segments, segment{
			Start:         float64(sp.start) / float64(rate),
			End:           float64(sp.end) / float64(rate),
			Emotion:       res.Emotion,
			Probabilities: res.Probabilities,
		})
	}
	return p, nil
}

// atModelRate returns the clip's samples at the model's rate, resampled
// once for all its segments rather than once per overlapping window: the
// segments are windows of the whole recording at the model's rate, as a
// stream's predictions are.
func (s *Server) atModelRate(c clip) ([]float32, int, error) {
	modelRate := s.rec.Metadata().Rate
	if modelRate <= 0 || modelRate == c.rate {
		return c.samples, c.rate, nil
	}
	x, err := resample.Resample(c.samples, c.rate, modelRate)
	if err != nil {
		return nil, 0, newAPIError(http.StatusBadRequest, codeBadAudio, "%s: %v", c.name, err)
	}
	return x, modelRate, nil
}

// classify runs the recognizer on the samples of the upload name. A
// failure caused by the audio (see badInput) is the client's (400); any
// other is the server's.
func (s *Server) classify(name string, samples []float32, rate int) (recognizer.Result, error) {
	res, err := s.rec.PredictSamples(samples, rate)
	if err != nil && badInput(err) {
		return res, newAPIError(http.StatusBadRequest, codeBadAudio, "%s: %v", name, err)
	}
	return res, err
}

// badInput reports whether a prediction failed because of its input:
// no samples (before or after resampling to the model's rate), a rate the
// model's cannot be reached from, too little audio for one frame.
func badInput(err error) bool {
	for _, sentinel := range []error{
		recognizer.ErrNoAudio, resample.ErrRate, resample.ErrRatio, dataset.ErrNoFrames,
		features.ErrEmptyInput, features.ErrInvalidRate, features.ErrNonFinite, features.ErrTooShort,
	} {
		if errors.Is(err, sentinel) {
			return true
		}
	}
	return false
}

// boolParam returns the boolean query parameter name: false when absent,
// as strconv.ParseBool reads it otherwise (400 if it cannot).
func boolParam(r *http.Request, name string) (bool, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, newAPIError(http.StatusBadRequest, codeBadRequest, "%s=%q: want 1 or 0", name, printable(v))
	}
	return b, nil
}
