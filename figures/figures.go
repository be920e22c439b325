// Package figures reads the figures of French text (numbers, amounts,
// percentages, clock times, durations, dates, ordinals), writes them the
// way bitext's English house style does, and checks that a translation
// kept every one of them.
//
// # Reading French
//
// The decimal comma is always a decimal (1,879 is one point eight seven
// nine); thousands are grouped by a space, a no-break space (U+00A0) or a
// narrow no-break space (U+202F). A number glued to letters (G20, A320,
// COVID-19) is part of a name and is not a figure.
//
// # House style
//
//	1,879            1.879            3 500        3,500
//	3,125 %          3.125%           45 000 €     €45,000
//	2,5 M€           €2.5 million     1,2 Md€      €1.2 billion
//	20h, 20 heures   8 p.m.           20h30        8:30 p.m.
//	12h, 0h          noon, midnight   8h du soir   8 p.m.
//	a duré 2h45      2 hours 45 minutes (a duration: after duré, pendant,
//	                 durant, en, il y a, plus de, dans, sous…, or over 24 h)
//	21/08/2024       21 August 2024   1er, 2e, 21e 1st, 2nd, 21st
//
// Clock times follow the AP style (8 p.m., 8:30 a.m., noon, midnight):
// one style, never "20:00" in one article and "8 p.m." in the next.
// Numbers written without grouping (2024, 75008) stay as they are: years
// and postcodes must not grow a comma.
//
// # Checking
//
// [Check] compares the figures of a French text with those of its
// English translation by value: each French figure must be in the
// English once, in any of the forms bitext reads ("8 p.m." or "20:00"
// for 20h).
package figures

// Kind says what a figure is.
type Kind uint8

// The kinds of figure.
const (
	Number Kind = iota
	Percent
	Amount
	Time
	Duration
	Date
	Ordinal
)

var kindNames = [...]string{"number", "percentage", "amount", "time", "duration", "date", "ordinal"}

// String names the kind.
func (k Kind) String() string { return kindNames[k] }

// Figure is one figure found in a text.
type Figure struct {
	// Start and End are its byte offsets in the text.
	Start, End int
	Kind       Kind
	// Text is the figure as written.
	Text string
	// English is how bitext writes it in English.
	English string
}
