import { defineMessages } from '../define';

export const safetyMessages = defineMessages(
  {
    'safetyPlan.title': 'My safety plan',
    'safetyPlan.intro':
      'A safety plan is a short list you write for yourself, for when things get hard: what to watch for, what helps, and who to reach. Write it on a calmer day, in your own words.',
    'safetyPlan.emptyTitle': 'You have not written a safety plan yet',
    'safetyPlan.emptyBody':
      'It takes a few minutes, and you can fill in as much or as little as you like. Many people find it helps more than anything else when a hard moment comes.',
    'safetyPlan.start': 'Write my safety plan',
    'safetyPlan.edit': 'Edit my plan',
    'safetyPlan.save': 'Save my plan',
    'safetyPlan.cancel': 'Cancel',
    'safetyPlan.saving': 'Saving…',
    'safetyPlan.saved': 'Your safety plan is saved.',
    'safetyPlan.loading': 'Opening your safety plan…',
    'safetyPlan.updated': 'Last changed {date}',
    'safetyPlan.nothingYet': 'Nothing written here yet.',
    'safetyPlan.add': 'Add another',
    'safetyPlan.addContact': 'Add a person',
    'safetyPlan.remove': 'Remove',
    'safetyPlan.removeItem': 'Remove item {n} of “{step}”',
    'safetyPlan.itemLabel': '{step}: item {n}',
    'safetyPlan.contactName': 'Name',
    'safetyPlan.contactPhone': 'Phone number (optional)',
    'safetyPlan.contactGroup': '{step}: person {n}',
    'safetyPlan.callContact': 'Call {name} ({number})',
    'safetyPlan.regionLines': 'Crisis lines for your region',
    'safetyPlan.storedDevice':
      'Saved encrypted on this device, and readable offline. Nothing is sent anywhere.',
    'safetyPlan.storedMemory':
      'You are in an anonymous session: your plan works now but is gone when you close this tab. To keep it, write it down somewhere safe too, or choose to save on this device.',
    'safetyPlan.tooLong': 'Please keep each entry under {max} characters.',
    'safetyPlan.needName': 'Please add a name for each phone number, or remove the number.',

    'crisisCard.label': 'Support right now',
    'crisisCard.openPlan': 'Open my safety plan',
    'crisisCard.close': 'Close',

    'cssrs.title': 'Check in on your safety',
    'cssrs.entry': 'Check in on your safety',
    'cssrs.entryHint': 'A few yes-or-no questions that help you see whether to reach out for support now.',
    'cssrs.question': 'Question {n}',
    'cssrs.yes': 'Yes',
    'cssrs.no': 'No',
    'cssrs.back': 'Back',
    'cssrs.stop': 'Stop',
    'cssrs.done': 'Done',
    'cssrs.restart': 'Answer again',
    'cssrs.resultTitle': 'Thank you for answering',
    'cssrs.result.none':
      'Your answers do not point to thoughts of ending your life in the past month. If that changes, or a day gets heavy, “Get help now” is always here.',
    'cssrs.result.low':
      'Thank you for being honest. Thoughts like these are more common than many people think, and they can ease with support. It may help to tell someone you trust how you have been feeling, and to keep your safety plan close.',
    'cssrs.result.moderate':
      'Thank you for telling me. What you are carrying sounds really hard, and you deserve support with it. Please reach out today to a crisis line below or to someone you trust. You do not have to go through this alone.',
    'cssrs.result.high':
      'Thank you for telling me. Your safety matters most right now. Please contact a crisis line below or emergency services now, or ask someone you trust to be with you.',
    'cssrs.notDiagnosis':
      'This is a self-check for support, not a diagnosis. Only you and this device see your answers.',
    'cssrs.source': 'Questions from the Columbia Suicide Severity Rating Scale (screen version).',

    'usage.title': 'Time for a short break?',
    'usage.body':
      'You have been here for about {hours} hours. A short break, a glass of water or a few minutes with someone you trust can help. Remember that you are talking to an AI, not a person.',
    'usage.dismiss': 'OK, thanks',
  },
  {
    'safetyPlan.title': '我的安全计划',
    'safetyPlan.intro':
      '安全计划是一份写给自己的简短清单，留给难熬的时候用：需要留意什么、什么能帮到自己、可以联系谁。最好在状态平稳的时候，用自己的话写下来。',
    'safetyPlan.emptyTitle': '你还没有写安全计划',
    'safetyPlan.emptyBody':
      '只需要几分钟，想写多少都可以。很多人发现，在难熬的时刻，它比其他任何东西都更有帮助。',
    'safetyPlan.start': '写我的安全计划',
    'safetyPlan.edit': '编辑我的计划',
    'safetyPlan.save': '保存我的计划',
    'safetyPlan.cancel': '取消',
    'safetyPlan.saving': '正在保存…',
    'safetyPlan.saved': '你的安全计划已保存。',
    'safetyPlan.loading': '正在打开你的安全计划…',
    'safetyPlan.updated': '最后修改于 {date}',
    'safetyPlan.nothingYet': '这里还没有写内容。',
    'safetyPlan.add': '再添加一条',
    'safetyPlan.addContact': '添加一个人',
    'safetyPlan.remove': '删除',
    'safetyPlan.removeItem': '删除“{step}”的第 {n} 条',
    'safetyPlan.itemLabel': '{step}：第 {n} 条',
    'safetyPlan.contactName': '名字',
    'safetyPlan.contactPhone': '电话号码（可选）',
    'safetyPlan.contactGroup': '{step}：第 {n} 个人',
    'safetyPlan.callContact': '拨打给{name}（{number}）',
    'safetyPlan.regionLines': '你所在地区的心理援助热线',
    'safetyPlan.storedDevice': '已加密保存在这台设备上，离线也能查看。任何内容都不会被发送出去。',
    'safetyPlan.storedMemory':
      '你正在使用匿名会话：计划现在可以使用，但关闭此标签页后就会消失。如果想保留，请另外把它写在安全的地方，或选择在这台设备上保存。',
    'safetyPlan.tooLong': '每一条请不要超过 {max} 个字符。',
    'safetyPlan.needName': '请为每个电话号码填写名字，或删除该号码。',

    'crisisCard.label': '此刻的支持',
    'crisisCard.openPlan': '打开我的安全计划',
    'crisisCard.close': '关闭',

    'cssrs.title': '关心一下自己的安全',
    'cssrs.entry': '关心一下自己的安全',
    'cssrs.entryHint': '几个“是/否”问题，帮你看看现在是否需要寻求支持。',
    'cssrs.question': '第 {n} 题',
    'cssrs.yes': '是',
    'cssrs.no': '否',
    'cssrs.back': '上一题',
    'cssrs.stop': '停止',
    'cssrs.done': '完成',
    'cssrs.restart': '重新回答',
    'cssrs.resultTitle': '谢谢你的回答',
    'cssrs.result.none':
      '你的回答没有显示过去一个月里有结束生命的念头。如果情况有变化，或者某天特别难熬，“立即求助”一直都在。',
    'cssrs.result.low':
      '谢谢你如实回答。有这样的念头的人比很多人以为的要多，而且在得到支持后是可以缓和的。试着告诉一个你信任的人你最近的感受，并把你的安全计划放在手边。',
    'cssrs.result.moderate':
      '谢谢你告诉我。你承受的东西听起来真的很沉重，你值得获得支持。请在今天就联系下面的心理援助热线或你信任的人。你不必独自面对。',
    'cssrs.result.high':
      '谢谢你告诉我。此刻最重要的是你的安全。请现在就联系下面的心理援助热线或拨打急救电话，或者请一个你信任的人来陪着你。',
    'cssrs.notDiagnosis': '这是一次为了获得支持的自我检查，不是诊断。你的回答只有你自己和这台设备能看到。',
    'cssrs.source': '问题来自哥伦比亚自杀严重程度评定量表（筛查版）。',

    'usage.title': '休息一下好吗？',
    'usage.body':
      '你已经在这里待了大约 {hours} 个小时。短暂休息一下、喝杯水，或者和信任的人待几分钟，可能会有帮助。请记住，你正在与 AI 交谈，而不是真人。',
    'usage.dismiss': '好的，谢谢',
  },
);
