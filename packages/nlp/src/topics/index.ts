export { findHotTopics, TOPICS_VERSION, type HotTopic, type HotTopicOptions } from './hotTopics.ts';
export { TopicClusterer, type TopicItem, type Cluster, type ClustererOptions } from './clusterer.ts';
export { heatIndex, heatFactors, DEFAULT_HEAT_WEIGHTS, type HeatFactors, type HeatWeights } from './heat.ts';
export { topicVector, type TermVector } from './vector.ts';
