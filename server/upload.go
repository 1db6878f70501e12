package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"strings"
	"unicode"
)

// bodyName names an upload sent as the request body in error messages.
const bodyName = "request body"

// maxNameBytes bounds the length of a multipart file name in messages.
const maxNameBytes = 128

// upload is an audio file received with a request.
type upload struct {
	name string // bodyName, or the file name of the multipart field
	data []byte
}

// bodyKind is how a request carries its upload.
type bodyKind int

const (
	bodyAudio     bodyKind = iota // the body is the file, declared as audio
	bodyUntyped                   // the body is the file, untyped: check its magic bytes
	bodyMultipart                 // the file is the field "file" of a multipart form
)

// classifyBody checks what a request declares before any of its body is
// read: its content type (415 if not one of the package's) and its length
// (413 if declared above the limit).
func (s *Server) classifyBody(r *http.Request) (bodyKind, error) {
	if r.ContentLength > s.cfg.MaxBodyBytes {
		return 0, tooLargeBody(s.cfg.MaxBodyBytes)
	}
	kind, ok := mediaKind(r.Header.Get("Content-Type"), true)
	if !ok {
		return 0, unsupportedMedia(r.Header.Get("Content-Type"))
	}
	return kind, nil
}

// mediaKind returns the kind of body a Content-Type declares, and whether it
// is accepted; multipart tells whether a multipart form is (it is not
// within one).
func mediaKind(contentType string, multipart bool) (bodyKind, bool) {
	if contentType == "" {
		return bodyUntyped, true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return 0, false
	}
	switch mt {
	case "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/flac", "audio/x-flac":
		return bodyAudio, true
	case "application/octet-stream":
		return bodyUntyped, true
	case "multipart/form-data":
		return bodyMultipart, multipart
	}
	return 0, false
}

// readUpload reads the upload of a request whose body is of the given kind.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request, kind bodyKind) (upload, error) {
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	if kind == bodyMultipart {
		return s.readMultipart(r, body)
	}
	data, err := readAll(body, r.ContentLength)
	if err != nil {
		return upload{}, bodyError(err, s.cfg.MaxBodyBytes)
	}
	u := upload{name: bodyName, data: data}
	if kind == bodyUntyped && !looksLikeAudio(data) {
		return upload{}, newAPIError(http.StatusUnsupportedMediaType, codeUnsupportedMedia,
			"%s is neither WAV (RIFF) nor FLAC (fLaC): send a WAV or FLAC file", bodyName)
	}
	return u, nil
}

// readMultipart reads the field "file" of a multipart/form-data body,
// skipping the other fields.
func (s *Server) readMultipart(r *http.Request, body io.Reader) (upload, error) {
	_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")) // parsed by classifyBody
	boundary := params["boundary"]
	if boundary == "" {
		return upload{}, newAPIError(http.StatusBadRequest, codeBadRequest, "multipart/form-data without a boundary")
	}
	mr := multipart.NewReader(body, boundary)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return upload{}, newAPIError(http.StatusBadRequest, codeBadRequest, `multipart form has no "file" field`)
		}
		if err != nil {
			return upload{}, multipartError(err, s.cfg.MaxBodyBytes)
		}
		if part.FormName() != "file" {
			continue
		}
		kind, ok := mediaKind(part.Header.Get("Content-Type"), false)
		if !ok {
			return upload{}, unsupportedMedia(part.Header.Get("Content-Type"))
		}
		name := fileName(part.FileName())
		data, err := readAll(part, 0)
		if err != nil {
			return upload{}, multipartError(err, s.cfg.MaxBodyBytes)
		}
		if kind == bodyUntyped && !looksLikeAudio(data) {
			return upload{}, newAPIError(http.StatusUnsupportedMediaType, codeUnsupportedMedia,
				"%s is neither WAV (RIFF) nor FLAC (fLaC): send a WAV or FLAC file", name)
		}
		return upload{name: name, data: data}, nil
	}
}

// readAll reads r to its end; sizeHint, if positive, is the expected size.
func readAll(r io.Reader, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	if sizeHint > 0 {
		buf.Grow(int(sizeHint) + bytes.MinRead) // room to see the end without growing
	}
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// looksLikeAudio reports whether data starts as a RIFF-type (WAV) or FLAC
// file does, or is too short to tell; package audio reports what is wrong
// with those.
func looksLikeAudio(data []byte) bool {
	head := data[:min(len(data), 4)]
	for _, magic := range []string{"RIFF", "RIFX", "RF64", "fLaC"} {
		if strings.HasPrefix(magic, string(head)) {
			return true
		}
	}
	return false
}

// fileName returns a multipart file name fit for messages (see printable),
// or bodyName if it is empty.
func fileName(name string) string {
	if name = printable(name); name == "" {
		return bodyName
	}
	return name
}

// printable returns s without its non-printable characters, cut to at most
// maxNameBytes, for a message.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return -1
	}, s)
	if len(s) > maxNameBytes {
		s = strings.ToValidUTF8(s[:maxNameBytes], "") + "..."
	}
	return s
}

// bodyError is the error to report for a failure to read the body.
func bodyError(err error, limit int64) error {
	var tooLarge *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		return tooLargeBody(limit)
	case errors.As(err, &netErr) && netErr.Timeout():
		return newAPIError(http.StatusRequestTimeout, codeTimeout, "the request body did not arrive in time")
	default:
		return newAPIError(http.StatusBadRequest, codeBadRequest, "reading the request body: %v", err)
	}
}

// multipartError is the error to report for a malformed multipart body or
// a failure to read it.
func multipartError(err error, limit int64) error {
	e := bodyError(err, limit)
	if api := e.(*apiError); api.code == codeBadRequest {
		api.message = fmt.Sprintf("malformed multipart body: %v", err)
	}
	return e
}

// tooLargeBody is the error for a body above the limit.
func tooLargeBody(limit int64) error {
	return newAPIError(http.StatusRequestEntityTooLarge, codeTooLarge, "request body exceeds the limit of %d bytes", limit)
}

// unsupportedMedia is the error for a content type the server does not
// accept. The form encoding gets a hint: it is what curl --data-binary
// sends unless told otherwise.
func unsupportedMedia(contentType string) error {
	hint := ""
	if mt, _, _ := mime.ParseMediaType(contentType); mt == "application/x-www-form-urlencoded" {
		hint = ` (with curl --data-binary, add -H "Content-Type: audio/wav")`
	}
	return newAPIError(http.StatusUnsupportedMediaType, codeUnsupportedMedia,
		"content type %q not supported: send audio/wav, audio/flac, application/octet-stream or multipart/form-data with a \"file\" field%s",
		printable(contentType), hint)
}
