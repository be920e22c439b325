package memory

import (
	"fmt"
	"strconv"
)

func itoa(i int) string { return strconv.Itoa(i) }

// Pieces of agency copy that sentence combines.
var (
	subjects = []string{"M. Kim", "Mme Dubois", "Le ministre des Affaires étrangères", "La présidente de la Commission",
		"Le porte-parole de l'Élysée", "Le maire de Lyon", "Un responsable de l'ONU", "La police de Marseille"}
	verbs   = []string{"a annoncé", "a démenti", "a confirmé", "a déclaré", "a rappelé", "a estimé"}
	objects = []string{"un accord sur l'énergie", "la hausse des prix de %d %%", "une aide de %d millions d'euros",
		"la visite de %d experts", "un sommet le %d mars", "l'arrestation de %d suspects"}
	tails = []string{"selon l'AFP", "a-t-on appris de source officielle", "lors d'une conférence de presse",
		"dans un communiqué publié jeudi", "devant les journalistes à Séoul"}
)

// sentence returns the i-th of many distinct French news sentences.
func sentence(i int) string {
	s, v := subjects[i%len(subjects)], verbs[(i/len(subjects))%len(verbs)]
	o := fmt.Sprintf(objects[(i/7)%len(objects)], i)
	t := tails[(i/3)%len(tails)]
	return fmt.Sprintf("%s %s %s, %s.", s, v, o, t)
}
