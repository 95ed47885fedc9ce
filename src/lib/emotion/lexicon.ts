/**
 * Words that name a feeling outright ("lonely", "累", "焦虑"). They refine a classifier's reading, never
 * replace it: a sentiment model says "unpleasant", the word says which unpleasant feeling. A cue preceded
 * by a negation ("not happy", "不开心") does not count; common negated phrases are cues of their own.
 */
import type { AppEmotion } from './scheme';

type CueList = Readonly<Partial<Record<AppEmotion, readonly string[]>>>;

const EN_CUES: CueList = {
  joy: ['happy', 'glad', 'joyful', 'delighted', 'cheerful', 'excited', 'thrilled'],
  gratitude: ['thankful', 'grateful', 'thanks', 'thank you', 'appreciate'],
  love: ['loved', 'love', 'cared for'],
  pride: ['proud'],
  hope: ['hopeful', 'optimistic', 'looking forward'],
  calm: ['calm', 'relaxed', 'peaceful', 'relieved', 'at ease'],
  curiosity: ['curious'],
  surprise: ['surprised', 'shocked', 'amazed'],
  confusion: ['confused', 'unsure what to'],
  sadness: [
    'sad',
    'unhappy',
    'depressed',
    'miserable',
    'heartbroken',
    'crying',
    'cried',
    'not happy',
    'hopeless',
  ],
  loneliness: ['lonely', 'alone', 'isolated', 'left out'],
  tiredness: ['tired', 'exhausted', 'drained', 'worn out', 'sleepy', 'burned out', 'burnt out', 'no energy'],
  fear: ['scared', 'afraid', 'frightened', 'terrified'],
  anxiety: ['anxious', 'worried', 'worrying', 'nervous', 'stressed', 'panic', 'panicking', 'overwhelmed'],
  anger: ['angry', 'furious', 'mad at', 'rage'],
  frustration: ['frustrated', 'annoyed', 'irritated', 'fed up'],
  disgust: ['disgusted', 'disgusting'],
  shame: ['ashamed', 'embarrassed', 'humiliated', 'worthless', 'useless', 'a failure', 'hate myself'],
  guilt: ['guilty', 'my fault', 'regret', 'blame myself'],
};

const ZH_CUES: CueList = {
  joy: ['开心', '高兴', '快乐', '愉快', '兴奋', '喜悦'],
  gratitude: ['感谢', '感激', '谢谢'],
  love: ['被爱', '温暖', '爱'],
  pride: ['自豪', '骄傲'],
  hope: ['希望', '期待', '盼望', '有信心'],
  calm: ['平静', '放松', '安心', '轻松', '释然'],
  curiosity: ['好奇'],
  surprise: ['惊讶', '意外', '吃惊'],
  confusion: ['困惑', '迷茫', '纠结'],
  sadness: ['难过', '伤心', '悲伤', '沮丧', '失落', '低落', '哭', '不开心', '不高兴', '郁闷', '绝望'],
  loneliness: ['孤独', '寂寞', '孤单', '没人理解'],
  tiredness: ['累', '疲惫', '疲倦', '没精神', '精疲力尽', '没力气'],
  fear: ['害怕', '恐惧', '可怕', '怕'],
  anxiety: ['焦虑', '担心', '紧张', '不安', '压力', '慌'],
  anger: ['生气', '愤怒', '气死', '恼火', '发火'],
  frustration: ['烦躁', '烦', '受够'],
  disgust: ['恶心', '厌恶'],
  shame: ['羞愧', '丢人', '丢脸', '尴尬', '没用', '讨厌自己', '失败者'],
  guilt: ['内疚', '愧疚', '后悔', '都怪我', '自责'],
};

const EN_NEGATION = /(?:\bnot|n't|\bnever|\bno|\bhardly)\s+(?:\w+\s+)?$/i;
const ZH_NEGATION = /(?:不|没|沒|别|未|无|非)[^不没沒别未无非]?$/u;

interface Cue {
  readonly emotion: AppEmotion;
  readonly pattern: RegExp;
  readonly zh: boolean;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CUES: readonly Cue[] = [
  ...(Object.entries(EN_CUES) as [AppEmotion, string[]][]).flatMap(([emotion, words]) =>
    words.map((word) => ({ emotion, zh: false, pattern: new RegExp(`\\b${escape(word)}\\b`, 'gi') })),
  ),
  ...(Object.entries(ZH_CUES) as [AppEmotion, string[]][]).flatMap(([emotion, words]) =>
    words.map((word) => ({ emotion, zh: true, pattern: new RegExp(escape(word), 'gu') })),
  ),
];

/** A cue word itself may start with a negation ("不开心", "not happy"); that is not a negated cue. */
function negated(text: string, index: number, zh: boolean): boolean {
  if (zh) return ZH_NEGATION.test(text.slice(Math.max(0, index - 2), index));
  return EN_NEGATION.test(text.slice(Math.max(0, index - 24), index));
}

/** The feelings the text names outright, in the order the scheme lists them, each once. */
export function findEmotionCues(text: string): AppEmotion[] {
  const found = new Set<AppEmotion>();
  for (const cue of CUES) {
    if (found.has(cue.emotion)) continue;
    for (const match of text.matchAll(cue.pattern)) {
      if (!negated(text, match.index, cue.zh)) {
        found.add(cue.emotion);
        break;
      }
    }
  }
  return [...found];
}
