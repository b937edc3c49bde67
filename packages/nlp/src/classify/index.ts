export { TextClassifier, classifyMessage, getDefaultClassifier, DEFAULT_MODEL_PATH, type Classification, type ClassifyOptions, type MessageInput } from './classifier.ts';
export { train, evaluateClassifier, DEFAULT_TRAIN_FEATURES, DEFAULT_TRAIN_SVM, type TrainOptions, type TrainResult } from './train.ts';
export { suggestLeadUnit, DEFAULT_ROUTING, type RoutingTable, type RoutingSuggestion } from './routing.ts';
export { evaluate, formatReport, type EvaluationReport, type ClassMetrics } from './metrics.ts';
export { splitByGroup, groupFolds, type GroupSplit } from './split.ts';
export { saveModel, loadModelFile, type ClassifierModelFile, type TrainingMetadata, type TrainingSource } from './model.ts';
export { DEFAULT_FEATURES, type FeatureConfig } from './features.ts';
