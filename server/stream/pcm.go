package stream

import "encoding/binary"

// pcmDecoder turns a sequence of messages of little-endian 16-bit PCM into
// float32 samples scaled by 1/32768, as package audio decodes 16-bit WAV.
// A message may end in the middle of a sample: its odd byte is kept and
// completed by the first byte of the next message.
type pcmDecoder struct {
	carry    byte
	hasCarry bool
}

// decode appends the samples that p completes to dst and returns dst.
func (d *pcmDecoder) decode(dst []float32, p []byte) []float32 {
	if len(p) == 0 {
		return dst
	}
	if d.hasCarry {
		dst = append(dst, sample(d.carry, p[0]))
		p = p[1:]
		d.hasCarry = false
	}
	for len(p) >= 2 {
		dst = append(dst, float32(int16(binary.LittleEndian.Uint16(p)))/32768)
		p = p[2:]
	}
	if len(p) == 1 {
		d.carry, d.hasCarry = p[0], true
	}
	return dst
}

// sample returns the sample of the bytes lo and hi.
func sample(lo, hi byte) float32 {
	return float32(int16(uint16(lo)|uint16(hi)<<8)) / 32768
}
