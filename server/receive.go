package server

import (
	"net/http"
)

// receiveClip does the work common to the endpoints that take an upload:
// it checks the declared body, takes a slot (503 if none is free in time),
// reads and decodes the upload. On success the caller owns the slot and
// must call release; on failure, panic included, the slot is free.
func (s *Server) receiveClip(w http.ResponseWriter, r *http.Request) (c clip, name string, release func(), err error) {
	kind, err := s.classifyBody(r)
	if err != nil {
		return clip{}, "", nil, err
	}
	if !s.slots.acquire(r.Context()) {
		return clip{}, "", nil, newAPIError(http.StatusServiceUnavailable, codeOverloaded,
			"all %d prediction slots are busy: try again later", cap(s.slots.slots))
	}
	defer func() {
		if release == nil {
			s.slots.release()
		}
	}()
	if s.hooks.slotAcquired != nil {
		s.hooks.slotAcquired()
	}
	u, err := s.readUpload(w, r, kind)
	if err != nil {
		return clip{}, "", nil, err
	}
	if c, err = s.decodeClip(u); err != nil {
		return clip{}, "", nil, err
	}
	return c, u.name, s.slots.release, nil
}
