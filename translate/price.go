package translate

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Price is what a provider charges for the characters sent to it.
type Price struct {
	// PerMillion is the price of a million characters.
	PerMillion float64
	// Currency is an ISO 4217 code such as USD or EUR.
	Currency string
}

// IsZero reports whether no price is known.
func (p Price) IsZero() bool { return p.Currency == "" && p.PerMillion == 0 }

// Cost is the price of n characters.
func (p Price) Cost(n int) float64 { return float64(n) * p.PerMillion / 1e6 }

// String reads "20.00 USD per million characters".
func (p Price) String() string {
	return fmt.Sprintf("%.2f %s per million characters", p.PerMillion, p.Currency)
}

// ParsePrice reads a price per million characters written as "18", "18
// EUR" or "18EUR"; a price without a currency is in currency.
func ParsePrice(s, currency string) (Price, error) {
	s = strings.TrimSpace(s)
	num := strings.TrimRightFunc(s, unicode.IsLetter)
	cur := strings.ToUpper(strings.TrimSpace(s[len(num):]))
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || f < 0 || (cur != "" && len(cur) != 3) {
		return Price{}, fmt.Errorf("price must be a number of at least 0 per million characters, with a currency if you like (18.5 or 18.5 EUR), not %q", s)
	}
	if cur == "" {
		cur = currency
	}
	return Price{PerMillion: f, Currency: cur}, nil
}
