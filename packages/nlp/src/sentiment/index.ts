export { sentimentOf, SENTIMENT_VERSION, type Sentiment, type SentimentLabel } from './score.ts';
export { detectNegativeSpikes, type FeedbackEvent, type SpikeOptions, type SpikeAlert } from './spikes.ts';
