package sphinx

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fakeModels writes empty stand-ins for the three model files.
func fakeModels(t *testing.T) Config {
	t.Helper()
	dir := t.TempDir()
	cfg := Config{
		AcousticModel: filepath.Join(dir, "hmm"),
		LanguageModel: filepath.Join(dir, "x.lm.bin"),
		Dictionary:    filepath.Join(dir, "x.dict"),
	}
	if err := os.Mkdir(cfg.AcousticModel, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{cfg.LanguageModel, cfg.Dictionary} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

func TestConfigArgs(t *testing.T) {
	cfg := fakeModels(t)
	cfg.LogFile = "ps.log"
	cfg.Options = []string{"-beam", "1e-60"}
	got, err := cfg.args()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-hmm", cfg.AcousticModel, "-lm", cfg.LanguageModel, "-dict", cfg.Dictionary,
		"-logfn", "ps.log", "-beam", "1e-60"}
	if !slices.Equal(got, want) {
		t.Errorf("args = %q, want %q", got, want)
	}
}

func TestConfigArgsErrors(t *testing.T) {
	missing := fakeModels(t)
	missing.Dictionary += ".gone"
	odd := fakeModels(t)
	odd.Options = []string{"-beam"}
	empty := fakeModels(t)
	empty.AcousticModel = ""
	for name, tt := range map[string]struct {
		cfg  Config
		want error
	}{
		"missing dictionary": {missing, fs.ErrNotExist},
		"odd options":        {odd, nil},
		"no acoustic model":  {empty, nil},
	} {
		_, err := tt.cfg.args()
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: err = %v, want an error wrapping %v", name, err, tt.want)
		}
	}
}

func TestDefaultConfig(t *testing.T) {
	cfg := DefaultConfig()
	want := Config{
		AcousticModel: "/usr/share/pocketsphinx/model/en-us/en-us",
		LanguageModel: "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin",
		Dictionary:    "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict",
	}
	if cfg.AcousticModel != want.AcousticModel || cfg.LanguageModel != want.LanguageModel ||
		cfg.Dictionary != want.Dictionary || cfg.LogFile != "" || cfg.Options != nil {
		t.Errorf("DefaultConfig() = %+v, want %+v", cfg, want)
	}
}
