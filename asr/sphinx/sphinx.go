//go:build pocketsphinx && cgo

package sphinx

/*
#cgo pkg-config: pocketsphinx sphinxbase
#include <stdlib.h>
#include <pocketsphinx.h>
#include <err.h>

// emovox_init silences the log unless asked to keep it, parses the
// arguments and starts a decoder; NULL on failure.
static ps_decoder_t *emovox_init(int argc, char **argv, int quiet) {
	if (quiet) {
		err_set_logfp(NULL);
	}
	cmd_ln_t *config = cmd_ln_parse_r(NULL, ps_args(), argc, argv, TRUE);
	if (config == NULL) {
		return NULL;
	}
	ps_decoder_t *ps = ps_init(config);
	cmd_ln_free_r(config);
	return ps;
}

// emovox_decode decodes n samples as one whole utterance of a new stream
// (so that no noise estimate carries over from earlier utterances) and
// returns the hypothesis (owned by the decoder, valid until its next
// use), "" when there is none, or NULL on failure.
static const char *emovox_decode(ps_decoder_t *ps, const int16 *data, size_t n) {
	if (ps_start_stream(ps) < 0 || ps_start_utt(ps) < 0) {
		return NULL;
	}
	if (ps_process_raw(ps, data, n, FALSE, TRUE) < 0) {
		ps_end_utt(ps);
		return NULL;
	}
	if (ps_end_utt(ps) < 0) {
		return NULL;
	}
	int32 score;
	const char *hyp = ps_get_hyp(ps, &score);
	return hyp == NULL ? "" : hyp;
}
*/
import "C"

import (
	"context"
	"fmt"
	"sync"
	"unsafe"
)

// Compiled reports whether PocketSphinx is compiled into this build.
const Compiled = true

// Recognizer transcribes speech with one PocketSphinx decoder. It is safe
// for concurrent use; calls are serialised.
type Recognizer struct {
	mu sync.Mutex
	ps *C.ps_decoder_t
}

// New loads the models of cfg into a new decoder. Close frees it.
func New(cfg Config) (*Recognizer, error) {
	args, err := cfg.args()
	if err != nil {
		return nil, err
	}
	argv := make([]*C.char, len(args))
	for i, a := range args {
		argv[i] = C.CString(a)
	}
	defer func() {
		for _, p := range argv {
			C.free(unsafe.Pointer(p))
		}
	}()
	// The C array of pointers must live in C memory.
	cargv := (**C.char)(C.malloc(C.size_t(len(argv)) * C.size_t(unsafe.Sizeof(argv[0]))))
	defer C.free(unsafe.Pointer(cargv))
	copy(unsafe.Slice(cargv, len(argv)), argv)
	quiet := C.int(1)
	if cfg.LogFile != "" {
		quiet = 0
	}
	ps := C.emovox_init(C.int(len(argv)), cargv, quiet)
	if ps == nil {
		return nil, fmt.Errorf("sphinx: decoder did not start with %q (set Config.LogFile to see why)", args)
	}
	return &Recognizer{ps: ps}, nil
}

// Transcribe decodes samples at rate Hz as one utterance and returns the
// words recognised, "" for none.
func (r *Recognizer) Transcribe(ctx context.Context, samples []float32, rate int) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	pcm, err := pcm16(samples, rate)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ps == nil {
		return "", ErrClosed
	}
	if len(pcm) == 0 {
		return "", nil
	}
	hyp := C.emovox_decode(r.ps, (*C.int16)(unsafe.Pointer(&pcm[0])), C.size_t(len(pcm)))
	if hyp == nil {
		return "", ErrDecode
	}
	return C.GoString(hyp), nil
}

// Close frees the decoder. Calls after Close return ErrClosed.
func (r *Recognizer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ps != nil {
		C.ps_free(r.ps)
		r.ps = nil
	}
	return nil
}
