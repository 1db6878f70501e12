package stream

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/audio/resample"
	"github.com/emovox/emovox/recognizer"
)

// session is the state of one stream, apart from its connection: it turns
// the client's messages into predictions.
type session struct {
	// acquire, if not nil, is Options.Slot bound to the stream's context.
	acquire   func() (release func(), err error)
	rec       *recognizer.Recognizer
	modelRate int
	silence   float64

	rate     int // the client's sample rate
	received int // input samples received
	maxIn    int // the most input samples accepted

	pcm  pcmDecoder
	rs   *chunkResampler
	win  *windower
	in   []float32 // decoded samples of the current message
	out  []float32 // their resampled samples
	sent int       // predictions sent
}

// newSession returns the session of a stream at rate Hz; opts must have
// their defaults set.
func newSession(rec *recognizer.Recognizer, opts Options, rate int) (*session, error) {
	modelRate := rec.Metadata().Rate
	plan, err := resample.New(rate, modelRate)
	if err != nil {
		return nil, problem(errRate, "%d Hz to the model's %d Hz: %v", rate, modelRate, err)
	}
	size := samplesOf(opts.Window, modelRate)
	hop := samplesOf(opts.Hop, modelRate)
	first := min(size, samplesOf(minAudio, modelRate))
	return &session{
		rec:       rec,
		modelRate: modelRate,
		silence:   float64(opts.SilenceRMS),
		rate:      rate,
		maxIn:     int(min(opts.MaxDuration.Seconds()*float64(rate), math.MaxInt32)),
		rs:        newChunkResampler(plan),
		win:       newWindower(size, hop, first),
	}, nil
}

// classify predicts the emotion of win, inside a slot when Options.Slot
// asks for one.
func (s *session) classify(win []float32) (recognizer.Result, error) {
	if s.acquire != nil {
		release, err := s.acquire()
		if err != nil {
			return recognizer.Result{}, fmt.Errorf("waiting for a prediction slot: %w", err)
		}
		defer release()
	}
	return s.rec.PredictSamples(win, s.modelRate)
}

// samplesOf returns the number of samples of d at rate Hz, at least 1.
func samplesOf(d time.Duration, rate int) int {
	return max(1, int(math.Round(d.Seconds()*float64(rate))))
}

// handle processes one message and calls send for every prediction it
// completes. It reports done after a stop message, whose final prediction
// it has sent.
func (s *session) handle(typ websocket.MessageType, p []byte, send func(Prediction) error) (done bool, err error) {
	if typ == websocket.MessageText {
		return true, s.control(p, send)
	}
	return false, s.audio(p, send)
}

// control handles a text message, which must be a stop message.
func (s *session) control(p []byte, send func(Prediction) error) error {
	var c control
	if err := json.Unmarshal(p, &c); err != nil || c.Type != TypeStop {
		return problem(errMessageType, `text messages must be {"type":"stop"}; send audio as binary messages of 16-bit little-endian PCM`)
	}
	s.out = s.rs.flush(s.out[:0])
	s.win.add(s.out)
	if err := s.predictDue(send); err != nil {
		return err
	}
	win, end, ok := s.win.tail()
	if !ok {
		return nil
	}
	return s.predict(win, end, true, send)
}

// audio handles a binary message of PCM samples.
func (s *session) audio(p []byte, send func(Prediction) error) error {
	if s.received+len(p)/2 > s.maxIn {
		return problem(errTooLong, "the stream is longer than the maximum of %s", time.Duration(float64(s.maxIn)/float64(s.rate)*float64(time.Second)).Round(time.Second))
	}
	s.in = s.pcm.decode(s.in[:0], p)
	s.received += len(s.in)
	s.out = s.rs.push(s.out[:0], s.in)
	s.win.add(s.out)
	return s.predictDue(send)
}

// predictDue sends the predictions of every window that is due.
func (s *session) predictDue(send func(Prediction) error) error {
	for {
		win, end, ok := s.win.due()
		if !ok {
			return nil
		}
		if err := s.predict(win, end, false, send); err != nil {
			return err
		}
	}
}

// predict sends the prediction of the window win ending at sample end.
func (s *session) predict(win []float32, end int, final bool, send func(Prediction) error) error {
	p := Prediction{
		Type:   TypePrediction,
		Time:   float64(end) / float64(s.modelRate),
		Window: float64(len(win)) / float64(s.modelRate),
		RMS:    rms(win),
		Final:  final,
	}
	if p.RMS < s.silence {
		p.Silence = true
	} else {
		res, err := s.classify(win)
		if err != nil {
			return problem(errPredict, "window ending at %.3f s: %v", p.Time, err)
		}
		p.Emotion, p.Probabilities = res.Emotion, res.Map()
	}
	s.sent++
	if err := send(p); err != nil {
		return fmt.Errorf("stream: send prediction: %w", err)
	}
	return nil
}
