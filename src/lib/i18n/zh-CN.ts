import type { Catalog } from './en';

/** 简体中文 catalog. Typed against the English keys, so a missing key is a compile error. */
export const zhCN: Catalog = {
  'app.loading': '正在加载…',
  'app.skipToContent': '跳到正文',
  'app.tagline': '在你的设备上运行的私密自助支持',

  'nav.label': '主导航',
  'nav.chat': '聊天',
  'nav.checkin': '自评',
  'nav.mood': '心情',
  'nav.tools': '工具',
  'nav.settings': '隐私与设置',

  'help.button': '立即求助',
  'help.title': '立即求助',
  'help.intro': '如果你正处于危险之中，或者可能会伤害自己，请现在就联系他人。你不必独自面对。',
  'help.emergency': '紧急情况请拨打 {numbers}',
  'help.call': '拨打 {number}',
  'help.text': '发短信至 {number}',
  'help.textWithBody': '发送 {body} 至 {number}',
  'help.website': '打开网站',
  'help.region': '地区',
  'help.offlineNote': '这些号码保存在应用内，离线也能查看。',
  'help.close': '关闭',

  'ai.notice': '你正在与 AI 交谈，而不是真人。',

  'lang.label': '语言',

  'consent.title': '欢迎使用{name}',
  'consent.whatIs':
    '{name}是一个私密的自助陪伴工具。AI 在这台设备上运行，倾听你并提供支持和自助练习。你写下的内容只留在这台设备上。',
  'consent.isNotTitle': '它不是什么',
  'consent.isNot1': '它不是心理治疗，不提供诊断或医疗建议。',
  'consent.isNot2': '它不是真人：回复来自 AI，可能出错。',
  'consent.isNot3': '它不适用于紧急情况。',
  'consent.emergencyTitle': '紧急情况下',
  'consent.emergencyBody':
    '如果你正处于危险之中，请立即拨打 {emergency}。想找人聊聊你的感受，请联系 {line}。',
  'consent.ageTitle': '你的年龄',
  'consent.ageConfirm': '我已年满 {age} 岁。',
  'consent.ageUnder': '我未满 {age} 岁。',
  'consent.underAge': '{name}面向 {age} 岁及以上的人。请和你信任的成年人谈谈，或使用下面的求助热线。',
  'consent.storageTitle': '在这台设备上保存',
  'consent.storageBody':
    '你可以允许{name}把你的对话、心情和自评结果加密保存在这台设备上，方便以后回看。任何内容都不会被发送到别处。你可以随时清除全部数据。',
  'consent.storageYes': '保存在这台设备上',
  'consent.storageYesHint': '我同意把我的对话、心情和自评结果保存在这台设备上。',
  'consent.storageNo': '匿名会话',
  'consent.storageNoHint': '不保存任何内容。关闭此标签页后一切都会消失。',
  'consent.continue': '继续',
  'consent.needAge': '请先确认你的年龄。',
  'consent.needStorage': '请选择是否在这台设备上保存。',

  'session.anonymous': '匿名会话：不保存任何内容',
  'session.saving': '正在保存到这台设备',

  'chat.title': '聊天',
  'chat.emptyTitle': '一个可以安心倾诉的地方',
  'chat.emptyBody': '设备上的陪伴模型还没有准备好。准备好之后，你可以在这里聊任何心事。',
  'chat.emptyAction': '先试试自助工具',

  'checkin.title': '自评',

  'mood.title': '心情',
  'mood.emptyTitle': '还没有心情记录',
  'mood.emptyBody': '每日心情打卡和聊天中的情绪会以图表的形式显示在这里。',

  'tools.title': '工具',
  'tools.emptyTitle': '自助工具即将上线',
  'tools.emptyBody': '呼吸练习、着陆练习、想法记录和日记都会放在这里，而且都能离线使用。',
  'tools.groundingTitle': '着陆练习：5-4-3-2-1',
  'tools.groundingBody':
    '说出你能看到的 5 样东西、能摸到的 4 样、能听到的 3 样、能闻到的 2 样和能尝到的 1 样。每一样都慢慢来。',

  'settings.title': '隐私与设置',
  'settings.privacyTitle': '你的隐私',
  'settings.privacyBody':
    '一切都在这台设备上运行。任何消息、心情或答案都不会被发送到服务器，也不会联系任何第三方服务。',
  'settings.sessionTitle': '本次会话',
  'settings.sessionAnonymous': '你选择了匿名会话：不保存任何内容，关闭此标签页后一切都会消失。',
  'settings.sessionSaving': '你已同意在这台设备上保存。你可以随时撤回。',
  'settings.withdraw': '停止保存并重新开始',
  'settings.languageTitle': '语言',
  'settings.aboutTitle': '关于',
  'settings.aboutBody': '{name}提供支持和自助练习。它不是心理治疗，也不做诊断。',
  'settings.version': '版本 {version}',

  'update.available': '{name}有新版本可用。',
  'update.reload': '重新加载',
  'update.later': '稍后',
  'offline.ready': '已可离线使用。',

  'config.errorTitle': '本站的配置有问题',
  'config.errorBody': '无法使用 solace.config.json 文件。请托管本站的人员修正。详情：',
  'config.errorJson': '该文件不是有效的 JSON：{message}',
  'config.errorHelp': '如果你现在需要帮助，下面的危机热线内置在应用中，随时可用。',
};
