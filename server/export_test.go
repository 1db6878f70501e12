package server

// SetHooks installs functions the tests synchronise with: slotAcquired
// runs when a request has taken a prediction slot, shutdownStarted when
// Serve begins its shutdown. Either may be nil. Call it before serving.
func SetHooks(s *Server, slotAcquired, shutdownStarted func()) {
	s.hooks = hooks{slotAcquired: slotAcquired, shutdownStarted: shutdownStarted}
}
