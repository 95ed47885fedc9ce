/**
 * Text normalisation for the screener: one canonical form per language so that rules are written once.
 * English: lower case, straight apostrophes, contractions and chat abbreviations expanded.
 * Chinese: full-width folded (NFKC), traditional characters mapped to simplified, spaces between Han removed.
 */

// Traditional -> simplified pairs, limited to characters that appear in the safety lexicons and their usual
// neighbours. A full conversion table would be 10x larger and change nothing the rules can see.
const T2S_PAIRS = [
  '殺杀 著着 沒没 結结 這这 個个 會会 過过 撐撑 藥药 遺遗 書书 樓楼 頂顶 從从 殘残 傷伤 劃划 們们 對对',
  '說说 見见 後后 麼么 為为 讓让 點点 開开 媽妈 騷骚 擾扰 強强 姦奸 體体 嗎吗 經经 還还 種种 橋桥 層层',
  '樣样 難难 話话 謝谢 別别 離离 燒烧 農农 幾几 顆颗 劑剂 盡尽 斷断 決决 計计 準准 備备 現现 時时 間间',
  '裡里 裏里 歲岁 親亲 愛爱 頭头 腦脑 臉脸 壓压 厭厌 絕绝 寫写 給给 掛挂 繩绳 槍枪 彈弹 蘇苏 覺觉 夢梦',
  '鬱郁 憂忧 診诊 醫医 師师 療疗 喪丧 禮礼 電电 劇剧 聞闻 報报 導导 歷历 題题 氣气 熱热 餓饿 煩烦 嚇吓',
  '悶闷 聽听 讀读 學学 試试 壞坏 錢钱 買买 賣卖 車车 軌轨 燙烫 煙烟 脅胁 騙骗 邊边 遠远 無无 關关 係系',
  '與与 將将 該该 應应 願愿 樂乐 歡欢 員员 問问 區区 動动 腳脚 處处 罰罚 餵喂 飯饭 鎖锁 門门 衝冲 補补',
  '數数 萬万 幫帮 攢攒 錯错 塊块 鑰钥 賭赌 債债 獨独 單单 負负 擔担 贅赘 廢废 餘余 資资 發发 實实 慮虑',
  '記记 憶忆 懷怀 誰谁 態态 惡恶 隨随 護护 訴诉 響响 鬧闹 兒儿 糾纠 紛纷 殼壳 險险 陽阳 臺台 檯台 臟脏',
  '膽胆 脫脱 屍尸 墜坠 躍跃 囑嘱 託托 誤误 續续 吶呐 癒愈 術术 痺痹 癢痒 濟济 綁绑 縛缚 毆殴 罵骂 褻亵',
  '蝕蚀 遊游 戲戏 隊队 勁劲 圖图 聯联 繫系 網网 絡络 頁页 錄录 靜静 務务 劍剑 鋒锋 銳锐 鋸锯 嚨咙 嘔呕',
  '暈晕 緊紧 冊册 價价 彎弯 潰溃 討讨 復复 繼继 兇凶 驚惊 義义 東东 貓猫 條条 訊讯 線线 聲声 選选 牆墙',
  '懲惩 來来 確确 懸悬 辦办 終终 紀纪 預预 論论 輕轻 鬆松 丟丢 羨羡 尷尴 懶懒 帥帅 鹹咸 亂乱 乾干 淨净',
  '專专 髮发 戀恋 擺摆 滾滚 極极 號号 稱称 紮扎 飢饥 鬥斗',
].join(' ');

const T2S = new Map<string, string>(
  T2S_PAIRS.split(' ').map((pair) => [pair[0]!, pair[1]!] as [string, string]),
);
// 著 is also a simplified character ("显著"), but in the phrases the rules care about it is 着.
const TRAD_RE = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');

/** Map the traditional characters the rules care about to simplified ones. */
export function toSimplified(text: string): string {
  return text.replace(TRAD_RE, (c) => T2S.get(c) ?? c);
}

const HAN_SPACE_RE = /(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g;

/** Canonical Chinese form: NFKC, lower case, simplified, no spaces inside Han runs. */
export function normalizeZh(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(HAN_SPACE_RE, '');
}

const EN_REWRITES: [RegExp, string][] = [
  [/[\u2018\u2019\u02bc`´]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/\bcan'?t\b/g, 'cannot'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bain'?t\b/g, 'am not'],
  [/\b(do|does|did|is|are|was|were|have|has|had|would|should|could|must|need)n'?t\b/g, '$1 not'],
  [/\bi'?m\b/g, 'i am'],
  [/\b(i|you|we|they)'ve\b/g, '$1 have'],
  [/\b(i|you|we|they|he|she|it)'ll\b/g, '$1 will'],
  [/\b(i|you|we|they|he|she)'d\b/g, '$1 would'],
  [/\b(it|that|there|what|he|she)'s\b/g, '$1 is'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bgotta\b/g, 'got to'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\brn\b/g, 'right now'],
  [/\bidk\b/g, 'i do not know'],
  [/\b(cuz|cos|bc)\b/g, 'because'],
  [/\bpls\b|\bplz\b/g, 'please'],
  // Obfuscated spellings used to slip past filters: "su1c1de", "s*icide", "k!ll".
  [/\bs[u*]+[i1!*]c[i1!*]de/g, 'suicide'],
  [/\bk[i1!*]ll/g, 'kill'],
  [/\s+/g, ' '],
];

/** Canonical English form: NFKC, lower case, straight apostrophes, contractions expanded. */
export function normalizeEn(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  for (const [re, rep] of EN_REWRITES) t = t.replace(re, rep);
  return t.trim();
}

/** English clauses break at sentence ends and at ", but"; a bare comma often joins one thought. */
export const CLAUSE_BREAK_EN = /[.!?;:\n…]|,\s*(?:but|though|although)\b/g;
/** Chinese clauses break at every comma too (NFKC has already folded "，" to ","). */
export const CLAUSE_BREAK_ZH = /[.!?;:\n…、,]/g;

/** Start index of the clause containing `index`: text after the last sentence or clause break. */
export function clauseStart(text: string, index: number, breaks: RegExp): number {
  let start = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m && m.index < index; m = breaks.exec(text)) {
    start = m.index + m[0].length;
  }
  return start;
}

/** End index (exclusive) of the clause containing `index`. */
export function clauseEnd(text: string, index: number, breaks: RegExp): number {
  breaks.lastIndex = index;
  const m = breaks.exec(text);
  return m ? m.index : text.length;
}
