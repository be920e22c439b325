package googlev3

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/bitext/bitext/translate"
)

// The environment variables the backend reads.
const (
	// EnvProject names the Google Cloud project billed for translations,
	// when the "project" option is not given.
	EnvProject = "GOOGLE_CLOUD_PROJECT"
	// EnvCredentials names a service-account key file for Application
	// Default Credentials.
	EnvCredentials = "GOOGLE_APPLICATION_CREDENTIALS"
)

// Locations used when the "location" option is not given.
const (
	// DefaultLocation serves plain translations.
	DefaultLocation = "global"
	// DefaultGlossaryLocation serves glossaries and the translations that
	// use them: Google keeps glossaries in regions, not in "global".
	DefaultGlossaryLocation = "us-central1"
)

// The backend-specific options (translate.Config.Options) it reads.
const (
	OptionProject     = "project"
	OptionLocation    = "location"
	OptionGlossaryURI = "glossary-uri"
)

// Config is the configuration of the Cloud Translation Advanced backend.
type Config struct {
	// Project is the Google Cloud project ID or number (required).
	Project string
	// Location is the region requests go to. Empty: DefaultLocation, and
	// DefaultGlossaryLocation for pairs with a glossary.
	Location string
	// Endpoint is the gRPC address (host:port) of the service; empty means
	// translate.googleapis.com:443.
	Endpoint string
	// Model is a model path such as "general/nmt" or
	// "general/translation-llm" (expanded below the project and location),
	// or a full "projects/…/models/…" name; empty lets Google choose.
	Model string
	// GlossaryURI, when set, is a gs://…/file.tsv holding the glossary as
	// two tab-separated columns (source, target) that the user uploaded;
	// glossaries are then created from it instead of entry by entry.
	GlossaryURI string
}

var (
	projectRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{4,28}[a-z0-9]$|^[0-9]+$`)
	locationRE = regexp.MustCompile(`^[a-z0-9-]+$`)
)

// NewConfig builds a Config from the command line's settings: the options
// project (else GOOGLE_CLOUD_PROJECT), location and glossary-uri, the
// endpoint and the model. A missing project is an error wrapping
// [translate.ErrNotConfigured].
func NewConfig(tc translate.Config) (Config, error) {
	cfg := Config{
		Project:     strings.TrimSpace(tc.Option(OptionProject)),
		Location:    strings.TrimSpace(tc.Option(OptionLocation)),
		Endpoint:    tc.Endpoint,
		Model:       tc.Model,
		GlossaryURI: strings.TrimSpace(tc.Option(OptionGlossaryURI)),
	}
	if cfg.Project == "" {
		cfg.Project = strings.TrimSpace(tc.Env(EnvProject))
	}
	return cfg, cfg.validate()
}

func (c Config) validate() error {
	switch {
	case c.Project == "":
		return fmt.Errorf("google-v3: %w: set %s or the %q option to your Google Cloud project",
			translate.ErrNotConfigured, EnvProject, OptionProject)
	case !projectRE.MatchString(c.Project):
		return fmt.Errorf("google-v3: %q is not a Google Cloud project ID", c.Project)
	case c.Location != "" && !locationRE.MatchString(c.Location):
		return fmt.Errorf("google-v3: %q is not a location such as us-central1", c.Location)
	case c.GlossaryURI != "" && !strings.HasPrefix(c.GlossaryURI, "gs://"):
		return fmt.Errorf("google-v3: %s %q must be a gs:// URI", OptionGlossaryURI, c.GlossaryURI)
	}
	return nil
}

// location returns where requests go, with or without a glossary.
func (c Config) location(glossary bool) string {
	switch {
	case c.Location != "":
		return c.Location
	case glossary:
		return DefaultGlossaryLocation
	}
	return DefaultLocation
}

// parent returns the resource name requests are made under.
func (c Config) parent(location string) string {
	return "projects/" + c.Project + "/locations/" + location
}

// model returns the full model name for a request in location, or "".
func (c Config) model(location string) string {
	if c.Model == "" || strings.HasPrefix(c.Model, "projects/") {
		return c.Model
	}
	return c.parent(location) + "/models/" + c.Model
}

// Info returns the registry entry of the backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        Name,
		Description: "Google Cloud Translation Advanced (v3), with native glossaries; needs a project",
		Env:         []string{EnvProject, EnvCredentials},
		Kind:        translate.Remote,
		Options: []translate.Option{
			{Name: OptionProject, Arg: "ID", Help: "the Google Cloud project billed", Env: EnvProject},
			{Name: OptionLocation, Arg: "REGION", Help: "the region requests go to",
				Default: DefaultLocation + ", " + DefaultGlossaryLocation + " with a glossary"},
			{Name: OptionGlossaryURI, Arg: "URI", Help: "a gs:// two-column TSV to create glossaries from"},
			{Name: "endpoint", Arg: "HOST:PORT", Help: "the gRPC address", Default: "translate.googleapis.com:443"},
			{Name: "model", Arg: "NAME", Help: "a model such as general/nmt or general/translation-llm", Default: "chosen by Google"},
		},
		// Cloud Translation's published price (USD).
		Price:        translate.Price{PerMillion: 20, Currency: "USD"},
		Capabilities: translate.Capabilities{MaxSegments: MaxSegments, MaxChars: MaxChars, HTML: true},
		New: func(ctx context.Context, tc translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(tc)
			if err != nil {
				return nil, err
			}
			b, err := New(ctx, cfg)
			if err != nil {
				return nil, err
			}
			return b, nil
		},
	}
}
