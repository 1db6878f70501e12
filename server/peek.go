package server

import "encoding/binary"

// peekFormat reads the sample rate and channel count a WAV or FLAC header
// declares, without decoding anything, and reports whether it found them.
// It trusts nothing: the values only choose decoding limits.
func peekFormat(data []byte) (rate, channels int, ok bool) {
	if len(data) >= 4 && string(data[:4]) == "fLaC" {
		return peekFLAC(data)
	}
	return peekWAV(data)
}

// peekWAV reads the "fmt " chunk of a RIFF/WAVE file.
func peekWAV(data []byte) (rate, channels int, ok bool) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		return 0, 0, false
	}
	for pos := 12; pos+8 <= len(data); {
		id := string(data[pos : pos+4])
		size := int64(binary.LittleEndian.Uint32(data[pos+4 : pos+8]))
		body := pos + 8
		if id == "fmt " {
			if size < 16 || body+16 > len(data) {
				return 0, 0, false
			}
			channels = int(binary.LittleEndian.Uint16(data[body+2:]))
			rate = int(binary.LittleEndian.Uint32(data[body+4:]))
			return rate, channels, true
		}
		next := int64(body) + size + size&1
		if next > int64(len(data)) {
			return 0, 0, false
		}
		pos = int(next)
	}
	return 0, 0, false
}

// peekFLAC reads the STREAMINFO block, which the FLAC format requires
// first: after the 4-byte block header, 10 bytes of block and frame sizes,
// then 20 bits of sample rate and 3 bits of channels minus one.
func peekFLAC(data []byte) (rate, channels int, ok bool) {
	const info = 8 // "fLaC" and the block header
	if len(data) < info+13 || data[4]&0x7f != 0 {
		return 0, 0, false
	}
	b := data[info+10:]
	rate = int(b[0])<<12 | int(b[1])<<4 | int(b[2])>>4
	channels = int(b[2]>>1&7) + 1
	return rate, channels, true
}
