package server

import (
	"bytes"
	"errors"
	"math"
	"net/http"

	"github.com/emovox/emovox/audio"
)

// Decoding budget: besides Config.MaxDuration at the file's own rate, a
// decode never holds more samples than MaxDuration of audio at
// budgetRate Hz on budgetChannels channels, whatever the file declares.
const (
	budgetRate     = 48000
	budgetChannels = 2
)

// clip is a decoded upload, mixed to mono.
type clip struct {
	name    string // the upload's, for messages
	samples []float32
	rate    int
	seconds float64
}

// decodeClip decodes an upload within the server's limits and mixes it to
// mono.
func (s *Server) decodeClip(u upload) (clip, error) {
	dec := audio.Decoder{Limits: s.decodeLimits(u.data)}
	buf, err := dec.Decode(bytes.NewReader(u.data), u.name)
	if err != nil {
		return clip{}, s.audioError(err)
	}
	if buf.Seconds() > s.cfg.MaxDuration.Seconds() {
		return clip{}, newAPIError(http.StatusRequestEntityTooLarge, codeTooLarge,
			"%s: %.1f s of audio exceeds the limit of %v", u.name, buf.Seconds(), s.cfg.MaxDuration)
	}
	samples := buf.Data // mono already: Mono would only copy it
	if buf.Channels != 1 {
		samples = buf.Mono()
	}
	return clip{name: u.name, samples: samples, rate: buf.Rate, seconds: buf.Seconds()}, nil
}

// decodeLimits returns the limits for decoding data: MaxDuration at the
// rate its header declares, and the sample budget spread over its
// channels. A header that cannot be read gets the budget's rate and
// channels; decoding will then report what is wrong with it.
func (s *Server) decodeLimits(data []byte) audio.Limits {
	rate, channels, ok := peekFormat(data)
	if !ok || rate <= 0 || channels <= 0 {
		rate, channels = budgetRate, budgetChannels
	}
	seconds := s.cfg.MaxDuration.Seconds()
	budget := seconds * budgetRate * budgetChannels
	frames := min(math.Ceil(seconds*float64(rate)), math.Floor(budget/float64(channels)))
	return audio.Limits{MaxFrames: max(int64(frames), 1)}
}

// audioError maps a decoding error to the response: 413 beyond the limits,
// 415 for an encoding package audio does not decode, 400 for anything else
// wrong with the data. The message is package audio's, which names the
// upload and the problem.
func (s *Server) audioError(err error) error {
	switch {
	case errors.Is(err, audio.ErrTooLarge):
		return newAPIError(http.StatusRequestEntityTooLarge, codeTooLarge,
			"%v (the server accepts at most %v of audio)", err, s.cfg.MaxDuration)
	case errors.Is(err, audio.ErrUnsupported):
		return newAPIError(http.StatusUnsupportedMediaType, codeUnsupportedMedia, "%v", err)
	case errors.Is(err, audio.ErrEmpty), errors.Is(err, audio.ErrTruncated), errors.Is(err, audio.ErrFormat),
		errors.Is(err, audio.ErrCorrupt), errors.Is(err, audio.ErrNonFinite):
		return newAPIError(http.StatusBadRequest, codeBadAudio, "%v", err)
	}
	return err // not a problem of the data: reading from memory cannot fail
}
