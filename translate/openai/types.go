package openai

// Wire types of the OpenAI chat completions API.

// chatRequest is the body of POST {base}/chat/completions.
type chatRequest struct {
	Model    string    `json:"model"`
	Messages []message `json:"messages"`
	// Temperature is always sent, 0 for the most literal output.
	Temperature    float64         `json:"temperature"`
	ResponseFormat *responseFormat `json:"response_format,omitempty"`
}

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type responseFormat struct {
	Type string `json:"type"`
}

// chatResponse is the answer of chat completions.
type chatResponse struct {
	Choices []struct {
		Message      message `json:"message"`
		FinishReason string  `json:"finish_reason"`
	} `json:"choices"`
}

// item is one numbered segment of the user message.
type item struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

// reply is the JSON object the model is asked to answer with.
type reply struct {
	Translations []string `json:"translations"`
}
