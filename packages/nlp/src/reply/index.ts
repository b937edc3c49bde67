export { assessReply, REPLY_VERSION, type ReplyInput, type ReplyQuality, type ReplyQualityOptions } from './quality.ts';
