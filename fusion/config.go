package fusion

import "fmt"

// DefaultHidden is the width of the block's hidden layer when
// Config.Hidden is zero.
const DefaultHidden = 128

// Config describes a fusion block. It is stored as JSON in model files.
type Config struct {
	// Acoustic and Text are the widths of the two branches' embeddings,
	// A and T. One of them may be zero: the block then classifies the
	// other branch alone.
	Acoustic int `json:"acoustic"`
	Text     int `json:"text"`
	// Hidden is the width of the hidden layer (DefaultHidden when zero).
	Hidden int `json:"hidden,omitempty"`
	// Dropout is the rate of the dropout on the concatenated input; zero
	// leaves it out.
	Dropout float64 `json:"dropout,omitempty"`
}

// Inputs returns A+T, the width of the concatenated input.
func (c Config) Inputs() int { return c.Acoustic + c.Text }

// WithDefaults returns c with a zero Hidden set to DefaultHidden.
func (c Config) WithDefaults() Config {
	if c.Hidden == 0 {
		c.Hidden = DefaultHidden
	}
	return c
}

// Validate reports an error wrapping ErrConfig if c does not describe a
// block.
func (c Config) Validate() error {
	switch {
	case c.Acoustic < 0 || c.Text < 0 || c.Hidden < 0:
		return fmt.Errorf("%w: negative size in %+v", ErrConfig, c)
	case c.Inputs() == 0:
		return fmt.Errorf("%w: no input (acoustic and text widths are both 0)", ErrConfig)
	case !(c.Dropout >= 0 && c.Dropout < 1):
		return fmt.Errorf("%w: dropout %v outside [0, 1)", ErrConfig, c.Dropout)
	}
	return nil
}
