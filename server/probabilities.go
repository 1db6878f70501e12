package server

import (
	"bytes"
	"encoding/json"

	"github.com/emovox/emovox/recognizer"
)

// probabilities encodes as a JSON object from label to probability, in the
// model's label order (a Go map would sort the labels). Values are encoded
// exactly: decoding the JSON gives back the same float64s.
type probabilities []recognizer.LabelProb

// MarshalJSON implements json.Marshaler. It fails for a value that is not
// finite.
func (p probabilities) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, lp := range p {
		if i > 0 {
			buf.WriteByte(',')
		}
		label, err := json.Marshal(lp.Label)
		if err != nil {
			return nil, err
		}
		prob, err := json.Marshal(lp.Prob)
		if err != nil {
			return nil, err
		}
		buf.Write(label)
		buf.WriteByte(':')
		buf.Write(prob)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
