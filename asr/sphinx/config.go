package sphinx

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultModelDir is where Debian's pocketsphinx-en-us installs the US
// English models.
const DefaultModelDir = "/usr/share/pocketsphinx/model/en-us"

// SampleRate is the rate in Hz of the audio the default acoustic model
// was trained on; Transcribe converts its input to it.
const SampleRate = 16000

// Config selects the models and options of a Recognizer.
type Config struct {
	// AcousticModel is the directory of the acoustic model (-hmm).
	AcousticModel string
	// LanguageModel is the n-gram language model file, ARPA or binary
	// (-lm).
	LanguageModel string
	// Dictionary is the pronunciation dictionary (-dict).
	Dictionary string
	// LogFile receives PocketSphinx's log when it is not "";
	// otherwise the log is discarded.
	LogFile string
	// Options are further PocketSphinx arguments, passed as they are in
	// name, value pairs, for example {"-beam", "1e-60"}.
	Options []string
}

// DefaultConfig returns the US English models under DefaultModelDir:
// acoustic model en-us, language model en-us.lm.bin and dictionary
// cmudict-en-us.dict.
func DefaultConfig() Config {
	return Config{
		AcousticModel: filepath.Join(DefaultModelDir, "en-us"),
		LanguageModel: filepath.Join(DefaultModelDir, "en-us.lm.bin"),
		Dictionary:    filepath.Join(DefaultModelDir, "cmudict-en-us.dict"),
	}
}

// args returns the PocketSphinx command-line arguments of c, after
// checking that the model files exist: PocketSphinx itself reports a
// missing file only in its (usually silenced) log.
func (c Config) args() ([]string, error) {
	for _, f := range []struct{ flag, path string }{
		{"-hmm", c.AcousticModel}, {"-lm", c.LanguageModel}, {"-dict", c.Dictionary},
	} {
		if f.path == "" {
			return nil, fmt.Errorf("sphinx: no model file given for %s", f.flag)
		}
		if _, err := os.Stat(f.path); err != nil {
			return nil, fmt.Errorf("sphinx: %s: %w (install pocketsphinx-en-us or set the model paths)", f.flag, err)
		}
	}
	if len(c.Options)%2 != 0 {
		return nil, fmt.Errorf("sphinx: options %q are not name, value pairs", c.Options)
	}
	args := []string{"-hmm", c.AcousticModel, "-lm", c.LanguageModel, "-dict", c.Dictionary}
	if c.LogFile != "" {
		args = append(args, "-logfn", c.LogFile)
	}
	return append(args, c.Options...), nil
}
