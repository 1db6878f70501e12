package server

import (
	"fmt"
	"net/http"
)

// Error codes of the JSON error body, one per kind of failure; the
// emovox_http_errors_total metric counts them.
const (
	codeBadRequest       = "bad_request"
	codeBadAudio         = "bad_audio"
	codeUnauthorized     = "unauthorized"
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeTimeout          = "timeout"
	codeTooLarge         = "too_large"
	codeUnsupportedMedia = "unsupported_media_type"
	codeOverloaded       = "overloaded"
	codeUnavailable      = "unavailable"
	codeInternal         = "internal"
	codePanic            = "panic" // counted, never sent: a panic is answered as internal
)

// errorCodes returns every code, so that the metrics show each from the
// start.
func errorCodes() []string {
	return []string{
		codeBadRequest, codeBadAudio, codeUnauthorized, codeNotFound, codeMethodNotAllowed, codeTimeout,
		codeTooLarge, codeUnsupportedMedia, codeOverloaded, codeUnavailable, codeInternal, codePanic,
	}
}

// An apiError is a failure to report to the client: its status, code and a
// message safe to show.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

// newAPIError returns an apiError with a formatted message.
func newAPIError(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

// errInternal is what the client learns of a failure of the server.
func errInternal() *apiError {
	return newAPIError(http.StatusInternalServerError, codeInternal, "internal server error")
}

// errorBody is the JSON body of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}
