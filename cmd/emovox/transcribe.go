package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newTranscribeCommand is a placeholder until the transcribe command lands.
func newTranscribeCommand() *cobra.Command {
	return &cobra.Command{
		Use:    "transcribe",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("transcribe: not built yet") },
	}
}
